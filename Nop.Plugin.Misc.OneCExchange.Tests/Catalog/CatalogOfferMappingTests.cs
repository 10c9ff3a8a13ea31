using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Settings;

namespace OneCExchange.Tests.Catalog;

/// <summary>Offers in the store: variants as combinations, prices by price type, stock per warehouse.</summary>
public sealed class CatalogOfferMappingTests
{
    private CatalogHarness _h = null!;

    [SetUp]
    public void SetUp() => _h = new CatalogHarness();

    [TearDown]
    public void TearDown() => _h.Dispose();

    [Test]
    public async Task Variants_become_combinations_and_the_parent_stock_follows_them()
    {
        await _h.ImportAsync(Cml.Product("p", "Футболка") with { Sku = "TS" });
        await _h.ImportAsync(Cml.PriceType("retail", "Розничная"),
            Cml.Offer("p#s") with { Sku = "TS-S", Characteristics = [new(null, "Размер", "S")] },
            Cml.Offer("p#m") with { Sku = "TS-M", Characteristics = [new(null, "Размер", "M")] });
        await _h.ImportAsync(Cml.Offer("p#s").WithPrices(("retail", 100m)).WithStock(3),
            Cml.Offer("p#m").WithPrices(("retail", 120m)).WithStock(4));

        var product = _h.Store.ProductOf("p");
        var small = _h.Store.CombinationOf("p#s");
        Assert.That(small.ProductId, Is.EqualTo(product.Id));
        Assert.That(small.Attributes, Is.EqualTo(new[] { new VariantAttribute("Размер", "S") }));
        Assert.That((small.Sku, small.StockQuantity, small.OverriddenPrice), Is.EqualTo(("TS-S", 3, (decimal?)100m)));
        Assert.That(product.ManageStockByAttributes, Is.True);
        Assert.That(product.StockQuantity, Is.EqualTo(7));

        await _h.ImportAsync("s2", Cml.Offer("p#m").WithStock(10));
        Assert.That(_h.Store.ProductOf("p").StockQuantity, Is.EqualTo(13), "a changes-only rests file rolls up too");
    }

    [Test]
    public async Task Product_id_with_characteristic_in_a_2_04_catalog_makes_one_product_with_variants()
    {
        await _h.ImportAsync(
            Cml.Product("p#1", "Шапка") with { Characteristics = [new("1", "Цвет", "Белый")] },
            Cml.Product("p#2", "Шапка") with { Characteristics = [new("2", "Цвет", "Чёрный")] });

        Assert.That(_h.Store.Products, Has.Count.EqualTo(1));
        Assert.That(_h.Store.CombinationOf("p#2").Attributes.Single().Value, Is.EqualTo("Чёрный"));
    }

    [Test]
    public async Task Price_types_go_where_the_settings_map_them_with_currency_conversion()
    {
        _h.Options = _h.Options with
        {
            PriceTypeMappings = MappingLines.ParsePriceTypes("Розничная=Price\nold-id=OldPrice\nЗакупочная=ProductCost\nОпт=Tier:wholesale").Items,
            StoreCurrencyCode = "RUB",
            CurrencyRates = new Rates(("EUR", "RUB", 100m)),
        };
        await _h.ImportAsync(Cml.Product("a", "A"));
        var counters = await _h.ImportAsync(
            Cml.PriceType("retail", "Розничная", "руб"), Cml.PriceType("old-id", "Старая"),
            Cml.PriceType("buy", "Закупочная", "EUR"), Cml.PriceType("opt", "Опт"), Cml.PriceType("usd", "Доллары", "USD"),
            Cml.Offer("a").WithPrices(("retail", 990m), ("old-id", 1200m), ("buy", 5.5m), ("opt", 800m)));

        var product = _h.Store.ProductOf("a");
        Assert.That((product.Price, product.OldPrice, product.ProductCost), Is.EqualTo((990m, 1200m, 550m)));
        Assert.That(product.TierPrices, Is.EqualTo(new[] { new InMemoryCatalogStore.Tier("wholesale", 800m) }));
        Assert.That(counters.Updated, Is.EqualTo(1));

        // A foreign price without a known rate is skipped with a warning, the rest still applies.
        _h.Options = _h.Options with { PriceTypeMappings = MappingLines.ParsePriceTypes("Доллары=Price\nОпт=Tier:wholesale").Items };
        var second = await _h.ImportAsync("s2", Cml.PriceType("usd", "Доллары", "USD"), Cml.PriceType("opt", "Опт"),
            Cml.Offer("a").WithPrices(("usd", 10m), ("opt", 700m)));
        Assert.That(second.Warnings, Is.EqualTo(1));
        Assert.That(second.Messages.Select(m => m.ToString()), Has.Some.Contains("USD"));
        Assert.That(_h.Store.ProductOf("a").Price, Is.EqualTo(990m));
        Assert.That(_h.Store.ProductOf("a").TierPrices.Single().Price, Is.EqualTo(700m), "tier prices are replaced, not added");
    }

    [Test]
    public async Task Stock_goes_per_warehouse_when_mapped_and_warehouses_are_created_on_first_sight()
    {
        _h.Store.Warehouses[500] = new InMemoryCatalogStore.Named(500, "Основной");
        _h.Options = _h.Options with { WarehouseMappings = MappingLines.ParseWarehouses("Главный склад=500").Items, CreateWarehouses = true };
        await _h.ImportAsync(Cml.Product("a", "A"));
        await _h.ImportAsync(Cml.Warehouse("w1", "Главный склад"), Cml.Warehouse("w2", "Магазин на Ленина"),
            Cml.Offer("a").WithStocks(("w1", 5), ("w2", 2.7m)));

        var product = _h.Store.ProductOf("a");
        var created = _h.Store.Warehouses.Values.Single(w => w.Name == "Магазин на Ленина");
        Assert.That(product.UseMultipleWarehouses, Is.True);
        Assert.That(product.WarehouseStock, Is.EquivalentTo(new Dictionary<int, int> { [500] = 5, [created.Id] = 2 }));
        Assert.That(product.StockQuantity, Is.EqualTo(7));
    }

    [Test]
    public async Task Without_warehouse_settings_the_total_stock_is_kept()
    {
        await _h.ImportAsync(Cml.Product("a", "A"));
        await _h.ImportAsync(Cml.Offer("a").WithStocks(("w1", 5), ("w2", 2)));

        var product = _h.Store.ProductOf("a");
        Assert.That((product.UseMultipleWarehouses, product.StockQuantity), Is.EqualTo((false, 7)));
        Assert.That(_h.Store.Warehouses, Is.Empty);
    }

    [Test]
    public async Task A_deleted_variant_gets_no_stock_and_the_parent_follows()
    {
        await _h.ImportAsync(Cml.Product("p", "P"));
        await _h.ImportAsync(Cml.Offer("p#1").WithStock(2) with { Characteristics = [new(null, "Размер", "S")] },
            Cml.Offer("p#2").WithStock(5) with { Characteristics = [new(null, "Размер", "M")] });
        Assert.That(_h.Store.ProductOf("p").StockQuantity, Is.EqualTo(7));

        var counters = await _h.ImportAsync("s2", Cml.Offer("p#2") with { IsDeleted = true }, Cml.Offer("p#1").WithStock(2));

        var deleted = _h.Store.CombinationOf("p#2");
        Assert.That((deleted.Available, deleted.StockQuantity), Is.EqualTo((false, 0)));
        Assert.That(_h.Store.ProductOf("p").StockQuantity, Is.EqualTo(2));
        Assert.That(counters.Unpublished, Is.EqualTo(1));
    }

    [Test]
    public async Task Prices_and_stock_the_store_owns_are_set_once_and_then_left_alone()
    {
        _h.Options = _h.Options with { UpdateProductPrices = false, UpdateProductStock = false };
        await _h.ImportAsync(Cml.Product("a", "A"));
        await _h.ImportAsync(Cml.PriceType("r", "Розничная"), Cml.Offer("a").WithPrices(("r", 10m)).WithStock(3));
        await _h.ImportAsync("s2", Cml.PriceType("r", "Розничная"), Cml.Offer("a").WithPrices(("r", 20m)).WithStock(9));

        var product = _h.Store.ProductOf("a");
        Assert.That((product.Price, product.StockQuantity), Is.EqualTo((10m, 3)));
    }

    private sealed class Rates(params (string From, string To, decimal Rate)[] rates) : ICurrencyRateProvider
    {
        public bool TryGetRate(string fromCurrencyCode, string toCurrencyCode, out decimal rate)
        {
            var found = rates.Where(r => r.From == fromCurrencyCode && r.To == toCurrencyCode).ToList();
            rate = found.Count > 0 ? found[0].Rate : 0;
            return found.Count > 0;
        }
    }
}
