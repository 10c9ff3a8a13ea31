using NUnit.Framework;
using OneCExchange.Core.Catalog;

namespace OneCExchange.Tests.Catalog;

/// <summary>A product with variants shows a real price: the lowest variant price, or its own offer's price.</summary>
public sealed class VariantPriceTests
{
    private CatalogHarness _h = null!;

    [SetUp]
    public async Task SetUp()
    {
        _h = new CatalogHarness();
        await _h.ImportAsync(Cml.Product("p", "Футболка"));
        await _h.ImportAsync(Cml.PriceType("retail", "Розничная"),
            Cml.Offer("p#s").WithPrices(("retail", 120m)).WithStock(1) with { Characteristics = [new(null, "Размер", "S")] },
            Cml.Offer("p#m").WithPrices(("retail", 100m)).WithStock(1) with { Characteristics = [new(null, "Размер", "M")] },
            Cml.Offer("p#l").WithPrices(("retail", 140m)).WithStock(1) with { Characteristics = [new(null, "Размер", "L")] });
    }

    [TearDown]
    public void TearDown() => _h.Dispose();

    private decimal Price => _h.Store.ProductOf("p").Price;

    [Test]
    public void The_product_gets_the_lowest_variant_price()
    {
        Assert.That(Price, Is.EqualTo(100m));
        Assert.That(_h.Store.CombinationOf("p#s").OverriddenPrice, Is.EqualTo(120m), "each variant keeps its own price");
    }

    [Test]
    public async Task A_later_changes_only_package_keeps_the_lowest_over_all_variants_not_only_those_it_carries()
    {
        await _h.ImportAsync("s2", Cml.Offer("p#s").WithPrices(("retail", 130m)));
        Assert.That(Price, Is.EqualTo(100m), "M, not in this package, is still the cheapest");

        await _h.ImportAsync("s3", Cml.Offer("p#m").WithPrices(("retail", 150m)));
        Assert.That(Price, Is.EqualTo(130m), "the cheapest went up: S is now the lowest");

        await _h.ImportAsync("s4", Cml.Offer("p#l").WithPrices(("retail", 90m)));
        Assert.That(Price, Is.EqualTo(90m));
    }

    [Test]
    public async Task The_same_prices_again_change_nothing()
    {
        var again = await _h.ImportAsync("s2", Cml.PriceType("retail", "Розничная"),
            Cml.Offer("p#s").WithPrices(("retail", 120m)), Cml.Offer("p#m").WithPrices(("retail", 100m)),
            Cml.Offer("p#l").WithPrices(("retail", 140m)));

        Assert.That((again.Created, again.Updated), Is.EqualTo((0L, 0L)));
        Assert.That(Price, Is.EqualTo(100m));
    }

    [Test]
    public async Task A_deleted_variant_no_longer_counts()
    {
        await _h.ImportAsync("s2", Cml.Offer("p#m") with { IsDeleted = true });

        Assert.That(Price, Is.EqualTo(120m));
    }

    [Test]
    public async Task An_offer_without_characteristics_sets_the_product_price_and_variants_then_leave_it()
    {
        await _h.ImportAsync("s2", Cml.Offer("p").WithPrices(("retail", 111m)));
        Assert.That(Price, Is.EqualTo(111m));

        await _h.ImportAsync("s3", Cml.Offer("p#m").WithPrices(("retail", 80m)), Cml.Offer("p#s").WithPrices(("retail", 70m)));
        Assert.That(Price, Is.EqualTo(111m));
        Assert.That(_h.Store.CombinationOf("p#s").OverriddenPrice, Is.EqualTo(70m));
    }

    [Test]
    public async Task The_own_offer_wins_in_the_same_file_whatever_the_order()
    {
        using var other = new CatalogHarness();
        await other.ImportAsync(Cml.Product("q", "Кепка"));
        await other.ImportAsync(Cml.PriceType("retail", "Розничная"),
            Cml.Offer("q#1").WithPrices(("retail", 10m)) with { Characteristics = [new(null, "Цвет", "Белый")] },
            Cml.Offer("q").WithPrices(("retail", 25m)),
            Cml.Offer("q#2").WithPrices(("retail", 5m)) with { Characteristics = [new(null, "Цвет", "Чёрный")] });

        Assert.That(other.Store.ProductOf("q").Price, Is.EqualTo(25m));
    }
}
