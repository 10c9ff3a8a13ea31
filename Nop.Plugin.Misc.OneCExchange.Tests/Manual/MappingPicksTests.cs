using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Services.Mappings;
using OneCExchange.Core.Settings;
using OneCExchange.Tests.Catalog;

namespace OneCExchange.Tests.Manual;

/// <summary>The mapping choices of the configure page: "ignore" targets, picks over typed lines, what 1C sent remembered.</summary>
public class MappingPicksTests
{
    private CatalogHarness _h = null!;

    [SetUp]
    public void SetUp() => _h = new CatalogHarness();

    [TearDown]
    public void TearDown() => _h.Dispose();

    [Test]
    public async Task An_ignored_price_type_is_left_out_and_the_first_price_type_is_no_longer_the_price()
    {
        _h.Options = _h.Options with { PriceTypeMappings = MappingLines.ParsePriceTypes("retail=Ignore\nОпт=Price").Items };
        await _h.ImportAsync(Cml.Product("a", "A"));
        var counters = await _h.ImportAsync(Cml.PriceType("retail", "Розничная"), Cml.PriceType("opt", "Опт"),
            Cml.Offer("a").WithPrices(("retail", 990m), ("opt", 800m)));

        Assert.That(_h.Store.ProductOf("a").Price, Is.EqualTo(800m));
        Assert.That(counters.Warnings, Is.Zero);
    }

    [Test]
    public async Task An_ignored_warehouse_loads_no_stock_and_is_never_created()
    {
        _h.Options = _h.Options with { WarehouseMappings = MappingLines.ParseWarehouses("w2=Ignore").Items, CreateWarehouses = true };
        await _h.ImportAsync(Cml.Product("a", "A"));
        await _h.ImportAsync(Cml.Warehouse("w1", "Главный"), Cml.Warehouse("w2", "Витрина"),
            Cml.Offer("a").WithStocks(("w1", 5), ("w2", 3)));

        Assert.That(_h.Store.Warehouses.Values.Select(w => w.Name), Is.EqualTo(new[] { "Главный" }));
        Assert.That(_h.Store.ProductOf("a").StockQuantity, Is.EqualTo(5));
    }

    [Test]
    public void Picks_win_over_typed_lines_which_fill_in_for_the_rest()
    {
        var combined = MappingLines.Combine("retail=Price\nopt=Ignore", "# typed\nRETAIL=OldPrice\nbuy=ProductCost");
        var parsed = MappingLines.ParsePriceTypes(combined);

        Assert.That(parsed.IsValid, Is.True, combined);
        Assert.That(parsed.Items.Select(m => (m.Source, m.Target)), Is.EqualTo(new[]
        {
            ("retail", PriceTarget.Price), ("opt", PriceTarget.Ignore), ("buy", PriceTarget.ProductCost),
        }));
        Assert.That(MappingLines.Combine(null, "a=1"), Is.EqualTo("a=1"));
    }

    [Test]
    public void Ignore_is_a_target_for_price_types_and_warehouses_but_not_a_store_warehouse_id()
    {
        Assert.That(MappingLines.ParseWarehouses("w=ignore").Items.Single().WarehouseId, Is.EqualTo(WarehouseMapping.Ignored));
        Assert.That(MappingLines.ParseWarehouses("w=0").InvalidLines, Is.EqualTo(new[] { 1 }));
        Assert.That(MappingLines.ParseOrderStatuses("Доставлен=Ignore").IsValid, Is.False);
    }

    [Test]
    public void Seen_references_are_added_renamed_and_bounded_and_unchanged_lists_need_no_write()
    {
        var first = SeenReferenceList.Merge("", [new("p1", "Розничная"), new("p2", "Опт\tоптовая")]);
        Assert.That(SeenReferenceList.Parse(first), Is.EqualTo(new SeenReference[] { new("p1", "Розничная"), new("p2", "Опт оптовая") }));

        Assert.That(SeenReferenceList.Merge(first, [new("p1", "Розничная")]), Is.Null, "nothing new: no setting write");

        var renamed = SeenReferenceList.Merge(first, [new("p1", "Розница")]);
        Assert.That(SeenReferenceList.Parse(renamed)[0], Is.EqualTo(new SeenReference("p1", "Розница")));

        var many = SeenReferenceList.Merge("", Enumerable.Range(0, SeenReferenceList.MaxItems + 5).Select(i => new SeenReference("id" + i, "n" + i)));
        var kept = SeenReferenceList.Parse(many);
        Assert.That(kept, Has.Count.EqualTo(SeenReferenceList.MaxItems));
        Assert.That(kept[^1].Id, Is.EqualTo("id" + (SeenReferenceList.MaxItems + 4)), "the newest are kept");
    }
}
