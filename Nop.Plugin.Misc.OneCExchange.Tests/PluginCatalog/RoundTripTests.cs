using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;
using ProductPicture = OneCExchange.Core.Catalog.ProductPicture;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>
/// Database round trips per batch (every repository or service call counts one). The store's work per batch must not
/// grow with the number of products in it, except for the picture service, which nopCommerce offers one picture at a time.
/// </summary>
public class RoundTripTests
{
    private const string PictureServicePrefix = "IPictureService.";
    private string _folder = null!;

    [SetUp]
    public void CreateStagingFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "onec-roundtrips-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteStagingFolder() => Directory.Delete(_folder, recursive: true);

    private sealed record Scenario(int NewBatch, int UnchangedBatch, int UpdatedBatch, int OffersBatch, int PictureCalls, List<string> Breakdown);

    /// <summary>Products with 2 categories, a manufacturer, 10 specifications and 2 pictures; then their offers.</summary>
    private async Task<Scenario> RunAsync(int products)
    {
        var h = new StoreHarness(publishEntityEvents: false);
        var categories = (await h.ApplyAsync(new UpsertCategory { Key = "c1", Name = "C1", Published = true },
            new UpsertCategory { Key = "c2", Name = "C2", Published = true })).Outcomes.Select(o => o.EntityId).ToList();
        var manufacturer = await h.IdOf(new UpsertManufacturer { Key = "m", Name = "M" });
        var attribute = await h.IdOf(new UpsertSpecificationAttribute { Key = "a", Name = "A" });
        var options = (await h.ApplyAsync(Enumerable.Range(0, 10).Select(i =>
            (CatalogCommand)new UpsertSpecificationOption { Key = "a/" + i, SpecificationAttributeId = attribute, Name = "o" + i }).ToArray()))
            .Outcomes.Select(o => o.EntityId).ToList();
        var w1 = await h.IdOf(new UpsertWarehouse { Key = "w1", Name = "W1" });
        var w2 = await h.IdOf(new UpsertWarehouse { Key = "w2", Name = "W2" });
        await h.Db.Table<Nop.Core.Domain.Customers.CustomerRole>().InsertAsync(new Nop.Core.Domain.Customers.CustomerRole { SystemName = "Wholesale" });
        var file = Path.Combine(_folder, "img.jpg");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);

        UpsertProduct Product(int i, int? id, PictureAction action, IReadOnlyList<int>? pictureIds, string name) => new()
        {
            Key = "p" + i, EntityId = id, Name = name, Sku = "SKU" + i, Slug = id is null ? "p" + i : null,
            CategoryIds = categories, ManufacturerId = manufacturer,
            Specifications = options.Select((o, n) => new ProductSpecification(o, null, true, n)).ToList(),
            Pictures = Enumerable.Range(0, 2).Select(n => new ProductPicture(action, $"p{i}|img{n}.jpg", pictureIds?[n], file,
                $"img{n}.jpg", "hash", "image/jpeg", "p" + i, n, null)).ToList()
        };

        h.Db.ResetCounters();
        var created = await h.ApplyAsync(Enumerable.Range(0, products).Select(i => (CatalogCommand)Product(i, null, PictureAction.Add, null, "P" + i)).ToArray());
        var newBatch = h.Db.RoundTrips;
        var breakdown = new List<string> { "new: " + Describe(h.Db) };
        var pictureCalls = h.Db.RoundTripsByOperation.Where(o => o.Key.StartsWith(PictureServicePrefix)).Sum(o => o.Value);
        var ids = created.Outcomes.Select(o => o.EntityId).ToList();
        var pictures = h.Db.Rows<Nop.Core.Domain.Catalog.ProductPicture>().GroupBy(pp => pp.ProductId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.OrderBy(pp => pp.DisplayOrder).Select(pp => pp.PictureId).ToList());

        h.Db.ResetCounters();
        await h.ApplyAsync(Enumerable.Range(0, products).Select(i => (CatalogCommand)Product(i, ids[i], PictureAction.Keep, pictures[ids[i]], "P" + i)).ToArray());
        var unchangedBatch = h.Db.RoundTrips;
        breakdown.Add("unchanged: " + Describe(h.Db));

        h.Db.ResetCounters();
        await h.ApplyAsync(Enumerable.Range(0, products).Select(i => (CatalogCommand)Product(i, ids[i], PictureAction.Keep, pictures[ids[i]], "Renamed " + i)).ToArray());
        var updatedBatch = h.Db.RoundTrips;
        breakdown.Add("renamed: " + Describe(h.Db));

        h.Db.ResetCounters();
        await h.ApplyAsync(Enumerable.Range(0, products).SelectMany(i => new CatalogCommand[]
        {
            new SetOfferPrices { Key = "p" + i, Target = OfferTarget.Product, TargetId = ids[i], Price = 100m + i, OldPrice = 120m,
                TierPrices = [new("Wholesale", 90m)], ManagedTierRoles = ["Wholesale"] },
            new SetOfferStock { Key = "p" + i, Target = OfferTarget.Product, TargetId = ids[i], Quantity = 5, Warehouses = [new(w1, 3), new(w2, 2)] }
        }).ToArray());
        var offersBatch = h.Db.RoundTrips;
        breakdown.Add("offers: " + Describe(h.Db));
        return new Scenario(newBatch, unchangedBatch, updatedBatch, offersBatch, pictureCalls, breakdown);
    }

    private static string Describe(FakeDatabase db) =>
        string.Join(", ", db.RoundTripsByOperation.OrderBy(o => o.Key).Select(o => $"{o.Key}×{o.Value}"));

    [Test]
    public async Task Round_trips_per_batch_do_not_grow_with_its_size_pictures_included()
    {
        var small = await RunAsync(50);
        var large = await RunAsync(500);

        TestContext.Out.WriteLine($"500 new products (2 categories, manufacturer, 10 specs, 2 pictures each): {large.NewBatch} round trips, " +
            $"of which {large.PictureCalls} picture-service calls; unchanged re-send: {large.UnchangedBatch}; renamed: {large.UpdatedBatch}; " +
            $"500 offers (prices + tier price + stock in 2 warehouses): {large.OffersBatch}");
        foreach (var line in large.Breakdown)
            TestContext.Out.WriteLine(line);
        Assert.That(large.PictureCalls, Is.Zero, "new pictures are written in bulk, not one service call each");
        Assert.That(large.NewBatch, Is.EqualTo(small.NewBatch));
        Assert.That(large.UnchangedBatch, Is.EqualTo(small.UnchangedBatch));
        Assert.That(large.UpdatedBatch, Is.EqualTo(small.UpdatedBatch));
        Assert.That(large.OffersBatch, Is.EqualTo(small.OffersBatch));
    }
}
