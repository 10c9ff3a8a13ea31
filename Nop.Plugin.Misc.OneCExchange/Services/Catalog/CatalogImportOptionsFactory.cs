using Nop.Core.Domain.Directory;
using Nop.Services.Directory;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Settings;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Translates the plugin's settings into Core's catalog import options. Mapping lines the configure page would have
/// refused (e.g. edited in the database) fail the import with the line numbers rather than being silently ignored.
/// </summary>
public class CatalogImportOptionsFactory : ICatalogImportOptionsFactory
{
    #region Fields

    protected readonly OneCExchangeSettings _settings;
    protected readonly CurrencySettings _currencySettings;
    protected readonly ICurrencyService _currencyService;

    #endregion

    #region Ctor

    public CatalogImportOptionsFactory(OneCExchangeSettings settings, CurrencySettings currencySettings, ICurrencyService currencyService)
    {
        _settings = settings;
        _currencySettings = currencySettings;
        _currencyService = currencyService;
    }

    #endregion

    public virtual async Task<CatalogImportOptions> CreateAsync()
    {
        var priceTypes = MappingLines.ParsePriceTypes(_settings.PriceTypeMappings);
        var warehouses = MappingLines.ParseWarehouses(_settings.WarehouseMappings);
        if (!priceTypes.IsValid)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.InvalidPriceTypeMappings, string.Join(", ", priceTypes.InvalidLines)));
        if (!warehouses.IsValid)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.InvalidWarehouseMappings, string.Join(", ", warehouses.InvalidLines)));

        var currencies = await _currencyService.GetAllCurrenciesAsync(showHidden: true);
        var storeCurrency = currencies.FirstOrDefault(c => c.Id == _currencySettings.PrimaryStoreCurrencyId);

        return new CatalogImportOptions
        {
            // The mappings picked on the configure page win; the typed lines fill in for the rest.
            PriceTypeMappings = MappingLines.ParsePriceTypes(MappingLines.Combine(_settings.PickedPriceTypeMappings, _settings.PriceTypeMappings)).Items,
            WarehouseMappings = MappingLines.ParseWarehouses(MappingLines.Combine(_settings.PickedWarehouseMappings, _settings.WarehouseMappings)).Items,
            StoreCurrencyCode = storeCurrency?.CurrencyCode is { Length: > 0 } code ? code : "RUB",
            CurrencyRates = new StoreCurrencyRates(currencies),
            CreateWarehouses = _settings.CreateWarehouses,
            ManufacturerPropertyName = string.IsNullOrWhiteSpace(_settings.ManufacturerPropertyName) ? null : _settings.ManufacturerPropertyName.Trim(),
            MissingItemsAction = _settings.MissingItemsAction == 0 ? MissingItemsAction.Leave : MissingItemsAction.Unpublish,
            AdoptProductsBySku = _settings.AdoptProductsBySku,
            CreateProductsFromOffers = _settings.CreateProductsFromOffers,
            UpdateProductNames = _settings.UpdateProductNames,
            UpdateProductDescriptions = _settings.UpdateProductDescriptions,
            UpdateProductCategories = _settings.UpdateCategories,
            UpdateProductPictures = _settings.UpdatePictures,
            UpdateProductPrices = _settings.UpdatePrices,
            UpdateProductStock = _settings.UpdateStock,
            PublishNewProducts = _settings.PublishNewProducts,
        };
    }
}
