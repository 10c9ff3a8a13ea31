using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Messages;

namespace OneCExchange.Tests.Catalog;

/// <summary>Offers-only packages: offers whose product the store does not know.</summary>
public sealed class OffersOnlyTests
{
    private CatalogHarness _h = null!;

    [SetUp]
    public void SetUp() => _h = new CatalogHarness();

    [TearDown]
    public void TearDown() => _h.Dispose();

    private static CommerceMlRecord[] Offers(int count) =>
        [Cml.PriceType("retail", "Розничная"), .. Enumerable.Range(1, count).Select(i => Cml.Offer($"o{i}").WithPrices(("retail", 10m * i)).WithStock(i))];

    [Test]
    public async Task Offers_of_unknown_products_are_one_warning_with_the_count_and_the_first_ids()
    {
        var counters = await _h.ImportAsync(Offers(12));

        Assert.Multiple(() =>
        {
            Assert.That(counters.Failed, Is.Zero, "not one error each");
            Assert.That((counters.Skipped, counters.Warnings), Is.EqualTo((12L, 1L)));
            Assert.That(counters.Messages, Is.EqualTo(new[] { ExchangeMessage.Of(MessageKeys.OffersWithoutProduct, 12, "o1, o2, o3, o4, o5") }));
            Assert.That(counters.Messages.Single().ToString(), Does.Contain("12").And.Contain("o1, o2, o3, o4, o5"));
            Assert.That(_h.Store.Products, Is.Empty);
        });
    }

    [Test]
    public async Task Known_products_take_their_offers_and_only_the_unknown_are_counted()
    {
        await _h.ImportAsync(Cml.Product("o2", "Известный"));

        var counters = await _h.ImportAsync(Offers(3));

        Assert.That(_h.Store.ProductOf("o2").Price, Is.EqualTo(20m));
        Assert.That(counters.Messages.Single(), Is.EqualTo(ExchangeMessage.Of(MessageKeys.OffersWithoutProduct, 2, "o1, o3")));
    }

    [Test]
    public async Task With_the_setting_on_offers_create_their_products_with_name_sku_price_and_stock()
    {
        _h.Options = _h.Options with { CreateProductsFromOffers = true };

        var counters = await _h.ImportAsync(Cml.PriceType("retail", "Розничная"),
            Cml.Offer("p").WithPrices(("retail", 990m)).WithStock(7) with { Name = "Термос «Сибирь»", Sku = "T-1", Barcode = "4600000000017" },
            Cml.Offer("q#48").WithPrices(("retail", 5000m)).WithStock(2) with { Name = "Куртка (48)", Characteristics = [new(null, "Размер", "48")] },
            Cml.Offer("q#50").WithPrices(("retail", 4500m)).WithStock(3) with { Name = "Куртка (50)", Characteristics = [new(null, "Размер", "50")] });

        var thermos = _h.Store.ProductOf("p");
        var jacket = _h.Store.ProductOf("q");
        Assert.Multiple(() =>
        {
            Assert.That((counters.Created, counters.Failed, counters.Warnings), Is.EqualTo((3L, 0L, 0L)), string.Join("\n", counters.Messages));
            Assert.That((thermos.Name, thermos.Sku, thermos.Gtin, thermos.Price, thermos.StockQuantity, thermos.Published),
                Is.EqualTo(("Термос «Сибирь»", "T-1", "4600000000017", 990m, 7, true)));
            Assert.That(_h.Store.SlugOf("Product", thermos.Id), Is.Not.Empty);
            Assert.That((jacket.Name, jacket.Sku), Is.EqualTo(("Куртка", (string?)null)), "one product for the variants, named without the characteristic");
            Assert.That(_h.Store.CombinationOf("q#50").OverriddenPrice, Is.EqualTo(4500m));
            Assert.That((jacket.Price, jacket.StockQuantity), Is.EqualTo((4500m, 5)), "the lowest variant price and their stock");
        });
    }

    [Test]
    public async Task A_product_created_from_an_offer_takes_the_catalog_when_it_comes()
    {
        _h.Options = _h.Options with { CreateProductsFromOffers = true };
        await _h.ImportAsync(Cml.PriceType("retail", "Розничная"), Cml.Offer("p").WithPrices(("retail", 990m)) with { Name = "Термос" });

        await _h.ImportAsync("s2", Cml.Product("p", "Термос «Сибирь» 1 л") with { Sku = "T-1" });
        var again = await _h.ImportAsync("s3", Cml.PriceType("retail", "Розничная"), Cml.Offer("p").WithPrices(("retail", 990m)) with { Name = "Термос" });

        var product = _h.Store.ProductOf("p");
        Assert.That((_h.Store.Products.Count, product.Name, product.Sku, product.Price), Is.EqualTo((1, "Термос «Сибирь» 1 л", "T-1", 990m)));
        Assert.That(again.Created + again.Updated, Is.Zero, "the same offer again changes nothing");
    }

    [Test]
    public async Task A_full_offers_package_that_created_products_does_not_unpublish_the_catalog()
    {
        await _h.ImportAsync("s1", Cml.Catalog(), Cml.Product("a", "Из каталога"));
        _h.Options = _h.Options with { CreateProductsFromOffers = true };

        await _h.ImportAsync("s2", Cml.PriceType("retail", "Розничная"), Cml.Offer("x").WithPrices(("retail", 1m)) with { Name = "Из предложения" });
        var answer = await _h.CompleteAsync("s2", full: true);

        Assert.That(_h.Store.ProductOf("a").Published, Is.True, answer);
        Assert.That(_h.Store.ProductOf("x").Published, Is.True);
    }
}
