using System.Globalization;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Shipping;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Services.Catalog;
using OneCExchange.Core.CatalogExport;
using Characteristic = OneCExchange.Core.CommerceMl.Characteristic;
using WarehouseStock = OneCExchange.Core.CommerceMl.WarehouseStock;
using OneCExchange.Core.Settings;

namespace Nop.Plugin.Misc.OneCExchange.Services.CatalogExport;

/// <summary>
/// The offers of type=get_catalog: one per attribute combination ("product#combination", its attribute values as
/// characteristics), or one per product without combinations; prices by the price types of the settings; stock in
/// total and per warehouse. A page is read with one query per table.
/// </summary>
public class CatalogExportOfferReader
{
    #region Fields

    /// <summary>The price type written when the settings map none to the product price.</summary>
    public const string DefaultPriceTypeId = "5d1e4c2a-0b6f-4c1e-9a57-707269636501";
    public const string DefaultPriceTypeName = "Розничная";

    protected readonly IRepository<ProductAttributeCombination> _combinationRepository;
    protected readonly IRepository<ProductAttributeMapping> _attributeMappingRepository;
    protected readonly IRepository<ProductAttributeValue> _attributeValueRepository;
    protected readonly IRepository<ProductAttribute> _attributeRepository;
    protected readonly IRepository<ProductWarehouseInventory> _inventoryRepository;
    protected readonly IRepository<Warehouse> _warehouseRepository;
    protected readonly IRepository<Currency> _currencyRepository;
    protected readonly IProductAttributeParser _attributeParser;
    protected readonly ExportIdAssigner _ids;
    protected readonly CurrencySettings _currencySettings;
    protected readonly OneCExchangeSettings _settings;

    #endregion

    #region Ctor

    public CatalogExportOfferReader(IRepository<ProductAttributeCombination> combinationRepository,
        IRepository<ProductAttributeMapping> attributeMappingRepository,
        IRepository<ProductAttributeValue> attributeValueRepository,
        IRepository<ProductAttribute> attributeRepository,
        IRepository<ProductWarehouseInventory> inventoryRepository,
        IRepository<Warehouse> warehouseRepository,
        IRepository<Currency> currencyRepository,
        IProductAttributeParser attributeParser,
        ExportIdAssigner ids,
        CurrencySettings currencySettings,
        OneCExchangeSettings settings)
    {
        _combinationRepository = combinationRepository;
        _attributeMappingRepository = attributeMappingRepository;
        _attributeValueRepository = attributeValueRepository;
        _attributeRepository = attributeRepository;
        _inventoryRepository = inventoryRepository;
        _warehouseRepository = warehouseRepository;
        _currencyRepository = currencyRepository;
        _attributeParser = attributeParser;
        _ids = ids;
        _currencySettings = currencySettings;
        _settings = settings;
    }

    #endregion

    /// <summary>
    /// Price types: each price type line of the settings that maps to the price, old price or cost (so that 1C's next
    /// import routes the prices back), or a default retail type when none maps to the price. Warehouses: the 1C id a
    /// warehouse line maps to it, else its mapping row (assigned now when missing).
    /// </summary>
    public virtual async Task<ExportOfferTerms> GetTermsAsync()
    {
        var warehouses = await _warehouseRepository.GetAllAsync(query => query.OrderBy(w => w.Id));
        var keys = await WarehouseKeysAsync(warehouses.Select(w => w.Id));
        return new ExportOfferTerms(await PriceTypesAsync(), warehouses.Select(w => new ExportWarehouse(keys[w.Id], w.Name ?? "")).ToList());
    }

    /// <summary>The offers of a page of products (<see cref="NopCatalogExportSource.PageAsync"/>), in the products' order.</summary>
    public virtual async Task<IReadOnlyList<ExportOffer>> ReadAsync(IList<Product> products)
    {
        var productIds = products.Select(p => p.Id).ToArray();
        var productKeys = await _ids.GetOrAssignAsync(OneCEntityType.Product, productIds);
        var combinations = (await _combinationRepository.GetAllAsync(query =>
            query.Where(c => productIds.Contains(c.ProductId)).OrderBy(c => c.Id))).ToLookup(c => c.ProductId);
        var productOf = combinations.SelectMany(c => c).ToDictionary(c => c.Id, c => c.ProductId);
        var combinationKeys = await _ids.GetOrAssignAsync(OneCEntityType.ProductAttributeCombination, productOf.Keys,
            (combinationId, key) => key.StartsWith(productKeys[productOf[combinationId]] + "#", StringComparison.Ordinal),
            combinationId => productKeys[productOf[combinationId]] + "#" + ExportIdAssigner.NewId());

        var characteristics = await CharacteristicsAsync(productIds);
        var inventory = (await _inventoryRepository.GetAllAsync(query => query.Where(i => productIds.Contains(i.ProductId))))
            .ToLookup(i => i.ProductId);
        var warehouseKeys = await WarehouseKeysAsync(inventory.SelectMany(i => i).Select(i => i.WarehouseId)
            .Concat(products.Where(p => p.WarehouseId > 0).Select(p => p.WarehouseId)));
        var priceTypes = await PriceTypesAsync();

        var offers = new List<ExportOffer>();
        foreach (var product in products)
        {
            if (combinations[product.Id].Any())
            {
                foreach (var combination in combinations[product.Id])
                    offers.Add(new ExportOffer
                    {
                        Id = combinationKeys[combination.Id],
                        Name = product.Name ?? "",
                        Sku = string.IsNullOrWhiteSpace(combination.Sku) ? product.Sku : combination.Sku,
                        Gtin = combination.Gtin,
                        Characteristics = characteristics(product.Id, combination.AttributesXml),
                        Prices = Prices(priceTypes, product, combination.OverriddenPrice ?? product.Price),
                        Quantity = product.ManageInventoryMethodId == (int)ManageInventoryMethod.ManageStockByAttributes
                            ? combination.StockQuantity : null,
                    });
                continue;
            }
            var stocks = Stocks(product, inventory[product.Id], warehouseKeys);
            offers.Add(new ExportOffer
            {
                Id = productKeys[product.Id],
                Name = product.Name ?? "",
                Sku = product.Sku,
                Gtin = product.Gtin,
                Prices = Prices(priceTypes, product, product.Price),
                Quantity = product.ManageInventoryMethodId == (int)ManageInventoryMethod.ManageStock
                    ? (stocks.Count > 0 ? stocks.Sum(s => s.Quantity) : product.StockQuantity) : null,
                Stocks = stocks,
            });
        }
        return offers;
    }

    protected virtual async Task<IReadOnlyList<ExportPriceType>> PriceTypesAsync()
    {
        var currency = await CurrencyCodeAsync();
        var lines = PriceTypeLines();
        var priceTypes = lines
            .Select(line => new ExportPriceType(line.Source, Guid.TryParse(line.Source, out _) ? TargetName(line.Target) : line.Source, currency))
            .ToList();
        if (lines.All(l => l.Target != PriceTarget.Price))
            priceTypes.Insert(0, new ExportPriceType(DefaultPriceTypeId, DefaultPriceTypeName, currency));
        return priceTypes;
    }

    protected virtual IReadOnlyList<PriceTypeMapping> PriceTypeLines() =>
        MappingLines.ParsePriceTypes(_settings.PriceTypeMappings).Items
            .Where(l => l.Target is PriceTarget.Price or PriceTarget.OldPrice or PriceTarget.ProductCost).ToList();

    protected static string TargetName(PriceTarget target) => target switch
    {
        PriceTarget.Price => DefaultPriceTypeName,
        PriceTarget.OldPrice => "Старая цена",
        _ => "Себестоимость",
    };

    /// <summary>A price per price type: the product's (or combination's) price, old price or cost.</summary>
    protected virtual IReadOnlyList<ExportPrice> Prices(IReadOnlyList<ExportPriceType> priceTypes, Product product, decimal price)
    {
        var lines = PriceTypeLines().ToDictionary(l => l.Source, StringComparer.OrdinalIgnoreCase);
        var prices = new List<ExportPrice>();
        foreach (var priceType in priceTypes)
        {
            var amount = lines.TryGetValue(priceType.Id, out var line)
                ? line.Target switch { PriceTarget.OldPrice => product.OldPrice, PriceTarget.ProductCost => product.ProductCost, _ => price }
                : price;
            if (amount > 0 || line?.Target is null or PriceTarget.Price)
                prices.Add(new ExportPrice(priceType.Id, amount, priceType.Currency));
        }
        return prices;
    }

    /// <summary>Stock per warehouse: the product's inventory rows when it uses several warehouses, else its own warehouse.</summary>
    protected virtual IReadOnlyList<WarehouseStock> Stocks(Product product, IEnumerable<ProductWarehouseInventory> inventory,
        Dictionary<int, string> warehouseKeys)
    {
        if (product.ManageInventoryMethodId != (int)ManageInventoryMethod.ManageStock)
            return [];
        if (product.UseMultipleWarehouses)
            return inventory.Where(i => warehouseKeys.ContainsKey(i.WarehouseId))
                .Select(i => new WarehouseStock(warehouseKeys[i.WarehouseId], i.StockQuantity)).ToList();
        return product.WarehouseId > 0 && warehouseKeys.TryGetValue(product.WarehouseId, out var key)
            ? [new WarehouseStock(key, product.StockQuantity)]
            : [];
    }

    /// <summary>A function from a product id and a combination's AttributesXml to its (attribute name, value name) pairs.</summary>
    protected virtual async Task<Func<int, string, IReadOnlyList<Characteristic>>> CharacteristicsAsync(int[] productIds)
    {
        var mappings = await _attributeMappingRepository.GetAllAsync(query =>
            query.Where(m => productIds.Contains(m.ProductId)).OrderBy(m => m.DisplayOrder).ThenBy(m => m.Id));
        var mappingIds = mappings.Select(m => m.Id).ToArray();
        var attributeIds = mappings.Select(m => m.ProductAttributeId).Distinct().ToArray();
        var values = (await _attributeValueRepository.GetAllAsync(query => query.Where(v => mappingIds.Contains(v.ProductAttributeMappingId))))
            .ToDictionary(v => v.Id);
        var names = (await _attributeRepository.GetAllAsync(query => query.Where(a => attributeIds.Contains(a.Id))))
            .ToDictionary(a => a.Id, a => a.Name ?? "");
        var byProduct = mappings.ToLookup(m => m.ProductId);
        return (productId, attributesXml) =>
        {
            var result = new List<Characteristic>();
            if (string.IsNullOrEmpty(attributesXml))
                return result;
            foreach (var mapping in byProduct[productId])
                foreach (var value in _attributeParser.ParseValues(attributesXml, mapping.Id))
                    result.Add(new Characteristic(null, names.GetValueOrDefault(mapping.ProductAttributeId, ""),
                        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var valueId) && values.TryGetValue(valueId, out var v)
                            ? v.Name ?? "" : value));
            return result;
        };
    }

    protected virtual async Task<Dictionary<int, string>> WarehouseKeysAsync(IEnumerable<int> warehouseIds)
    {
        var ids = warehouseIds.Distinct().ToList();
        var fromSettings = MappingLines.ParseWarehouses(_settings.WarehouseMappings).Items
            .GroupBy(l => l.WarehouseId).ToDictionary(g => g.Key, g => g.First().Source);
        var keys = await _ids.GetOrAssignAsync(OneCEntityType.Warehouse, ids.Where(id => !fromSettings.ContainsKey(id)));
        foreach (var id in ids.Where(fromSettings.ContainsKey))
            keys[id] = fromSettings[id];
        return keys;
    }

    protected virtual async Task<string> CurrencyCodeAsync()
    {
        var id = _currencySettings.PrimaryStoreCurrencyId;
        var currency = (await _currencyRepository.GetAllAsync(query => query.Where(c => c.Id == id))).FirstOrDefault();
        return string.IsNullOrWhiteSpace(currency?.CurrencyCode) ? "RUB" : currency.CurrencyCode;
    }
}
