using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Tests.Catalog;

public class CatalogSessionSnapshotTests
{
    private static readonly SourceLocation At = new("import.xml", 1, 1);

    [Test]
    public void A_restored_session_knows_the_price_types_warehouses_deleted_offers_and_kinds_it_saved()
    {
        var state = new CatalogSessionState("s");
        state.Classifier.Add(new PriceType { Id = "pt", Name = "Розничная", Currency = "RUB", Tax = new PriceTax("НДС", true), Location = At });
        state.Classifier.Add(new Warehouse { Id = "w", Name = "Основной", Location = At });
        state.MarkDeletedOffer("p#c");
        state.MarkSeen(CatalogEntityKind.Product);
        state.DefaultPriceType("pt");

        var restored = CatalogSessionSnapshot.Read("s", CatalogSessionSnapshot.Write(state));

        Assert.Multiple(() =>
        {
            Assert.That(restored.TryGetPriceType("pt", out var priceType) ? (priceType.Name, priceType.Currency, priceType.Tax) : default,
                Is.EqualTo(("Розничная", "RUB", new PriceTax("НДС", true))));
            Assert.That(restored.Classifier.TryGetPriceType("pt", out var known) ? known.Name : null, Is.EqualTo("Розничная"));
            Assert.That(restored.TryGetWarehouse("w", out var warehouse) ? warehouse.Name : null, Is.EqualTo("Основной"));
            Assert.That(restored.IsDeletedOffer("p#c"), Is.True);
            Assert.That(restored.HasSeen(CatalogEntityKind.Product), Is.True);
            Assert.That(restored.HasSeen(CatalogEntityKind.Category), Is.False);
            Assert.That(restored.DefaultPriceType("other"), Is.EqualTo("pt"));
        });
    }

    [Test]
    public void An_earlier_session_s_default_price_type_goes_on_only_for_offers_priced_in_it()
    {
        var earlier = new CatalogSessionState("s1");
        earlier.DefaultPriceType("retail");
        var carried = CatalogSessionSnapshot.CarryOver(CatalogSessionSnapshot.Write(earlier));
        var options = new CatalogImportOptions();

        var samePackage = CatalogSessionSnapshot.Read("s2", carried);
        var otherPriceList = CatalogSessionSnapshot.Read("s3", carried);

        Assert.Multiple(() =>
        {
            Assert.That(new PriceRouter(options, samePackage).Route(Priced(("wholesale", 80m), ("retail", 100m)), []).Price, Is.EqualTo(100m),
                "the next file of one package, after its own checkauth: the same default");
            Assert.That(new PriceRouter(options, otherPriceList).Route(Priced(("price-2026", 120m)), []).Price, Is.EqualTo(120m),
                "a package priced in another price type gets its prices");
            Assert.That(CatalogSessionSnapshot.Read("s3", CatalogSessionSnapshot.Write(otherPriceList)).DefaultPriceType("x"), Is.EqualTo("price-2026"),
                "the session's own default holds for its later steps");
        });
    }

    private static Offer Priced(params (string PriceType, decimal Amount)[] prices) => new()
    {
        Id = "p1", ProductId = "p1", Location = At,
        Prices = [.. prices.Select(p => new OfferPrice(p.PriceType, p.Amount, null, null, null, null))],
    };

    [Test]
    public void At_most_the_capped_number_of_deleted_offers_is_saved()
    {
        var state = new CatalogSessionState("s");
        var ids = Enumerable.Range(0, CatalogSessionSnapshot.MaxDeletedOffers + 5).Select(i => $"p#{i}").ToList();
        foreach (var id in ids)
            state.MarkDeletedOffer(id);

        var restored = CatalogSessionSnapshot.Read("s", CatalogSessionSnapshot.Write(state));

        Assert.That(ids.Count(restored.IsDeletedOffer), Is.EqualTo(CatalogSessionSnapshot.MaxDeletedOffers));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("{not json")]
    public void No_snapshot_or_an_unreadable_one_gives_an_empty_state(string? snapshot)
    {
        var restored = CatalogSessionSnapshot.Read("s", snapshot);

        Assert.That(restored.PriceTypes.Count + restored.Warehouses.Count, Is.Zero);
        Assert.That(restored.SessionId, Is.EqualTo("s"));
    }
}
