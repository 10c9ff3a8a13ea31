using NUnit.Framework;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Services.Directory;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Settings;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>What the shop owner sets on the configure page reaches the catalog import, with the store's currencies.</summary>
public class CatalogImportOptionsTests
{
    private static readonly Currency Rouble = new() { Id = 1, CurrencyCode = "RUB", Rate = 90m };
    private static readonly Currency Dollar = new() { Id = 2, CurrencyCode = "USD", Rate = 1m };
    private static readonly Currency Euro = new() { Id = 3, CurrencyCode = "EUR", Rate = 0.9m };

    private static Task<CatalogImportOptions> OptionsAsync(OneCExchangeSettings settings, int primaryCurrencyId = 1) =>
        new CatalogImportOptionsFactory(settings, new CurrencySettings { PrimaryStoreCurrencyId = primaryCurrencyId },
            new Currencies(Rouble, Dollar, Euro)).CreateAsync();

    [Test]
    public async Task Settings_become_the_import_options()
    {
        var options = await OptionsAsync(new OneCExchangeSettings
        {
            PriceTypeMappings = "Розничная=Price\nОптовая=Tier:Wholesale",
            WarehouseMappings = "Основной склад=3",
            CreateWarehouses = true,
            ManufacturerPropertyName = " Бренд ",
            MissingItemsAction = 0,
            AdoptProductsBySku = true,
            UpdateProductNames = false,
            UpdateProductDescriptions = false,
            UpdateCategories = false,
            UpdatePictures = false,
            UpdatePrices = false,
            UpdateStock = false,
            PublishNewProducts = false,
        });

        Assert.Multiple(() =>
        {
            Assert.That(options.PriceTypeMappings, Is.EqualTo(new[]
            {
                new PriceTypeMapping("Розничная", PriceTarget.Price, null),
                new PriceTypeMapping("Оптовая", PriceTarget.Tier, "Wholesale"),
            }));
            Assert.That(options.WarehouseMappings, Is.EqualTo(new[] { new WarehouseMapping("Основной склад", 3) }));
            Assert.That(options.StoreCurrencyCode, Is.EqualTo("RUB"));
            Assert.That(options.CreateWarehouses, Is.True);
            Assert.That(options.ManufacturerPropertyName, Is.EqualTo("Бренд"));
            Assert.That(options.MissingItemsAction, Is.EqualTo(MissingItemsAction.Leave));
            Assert.That(options.AdoptProductsBySku, Is.True);
            Assert.That(new[] { options.UpdateProductNames, options.UpdateProductDescriptions, options.UpdateProductCategories,
                options.UpdateProductPictures, options.UpdateProductPrices, options.UpdateProductStock, options.PublishNewProducts }, Has.All.False);
        });
    }

    [Test]
    public async Task Defaults_unpublish_missing_items_and_let_1C_own_every_field()
    {
        var options = await OptionsAsync(new OneCExchangeSettings());

        Assert.That(options.MissingItemsAction, Is.EqualTo(MissingItemsAction.Unpublish));
        Assert.That(options.ManufacturerPropertyName, Is.Null);
        Assert.That(new[] { options.UpdateProductNames, options.UpdateProductDescriptions, options.UpdateProductCategories,
            options.UpdateProductPictures, options.UpdateProductPrices, options.UpdateProductStock, options.PublishNewProducts }, Has.All.True);
    }

    [Test]
    public async Task Prices_in_another_currency_convert_as_nopCommerce_converts_them()
    {
        var rates = (await OptionsAsync(new OneCExchangeSettings())).CurrencyRates!;

        Assert.That(rates.TryGetRate("USD", "RUB", out var dollarToRouble), Is.True);
        Assert.That(dollarToRouble, Is.EqualTo(90m));
        Assert.That(rates.TryGetRate("EUR", "руб", out var euroToRouble), Is.True, "1C writes the rouble as руб");
        Assert.That(euroToRouble, Is.EqualTo(100m));
        Assert.That(rates.TryGetRate("GBP", "RUB", out _), Is.False, "a currency the store does not have");
    }

    [Test]
    public async Task The_store_currency_is_the_primary_one()
    {
        Assert.That((await OptionsAsync(new OneCExchangeSettings(), primaryCurrencyId: 3)).StoreCurrencyCode, Is.EqualTo("EUR"));
    }

    [TestCase("Розничная=Цена", "типов цен, строки 1")]
    [TestCase("", "складов, строки 2", "Основной=1\nРезервный=склад")]
    public void Mapping_lines_the_configure_page_would_refuse_fail_the_import_with_their_line_numbers(string priceTypes, string expected,
        string warehouses = "")
    {
        var error = Assert.ThrowsAsync<ImportException>(() =>
            OptionsAsync(new OneCExchangeSettings { PriceTypeMappings = priceTypes, WarehouseMappings = warehouses }));

        Assert.That(error!.Message, Does.Contain(expected));
    }

    private sealed class Currencies(params Currency[] currencies) : ICurrencyService
    {
        public Task<IList<Currency>> GetAllCurrenciesAsync(bool showHidden = false, int storeId = 0)
        {
            Assert.That(showHidden, Is.True, "prices may come in a currency hidden from customers");
            return Task.FromResult<IList<Currency>>(currencies);
        }
    }
}
