using Nop.Core.Domain.Catalog;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class UnpublishStoreTests
{
    [Test]
    public async Task Deleted_in_1C_unpublishes_the_product_and_category_and_deletes_nothing()
    {
        var h = new StoreHarness();
        var categoryId = await h.IdOf(new UpsertCategory { Key = "g", Name = "G", Published = true });
        var productId = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });

        var result = await h.ApplyAsync(new UnpublishEntity { Key = "p", EntityKind = CatalogEntityKind.Product, EntityId = productId, Hash = "deleted" },
            new UnpublishEntity { Key = "g", EntityKind = CatalogEntityKind.Category, EntityId = categoryId });

        Assert.That(result.Outcomes, Is.EqualTo(new[] { new CommandOutcome(productId, false), new CommandOutcome(categoryId, false) }));
        Assert.That(h.Row<Product>(productId).Published, Is.False);
        Assert.That(h.Row<Category>(categoryId).Published, Is.False);
        Assert.That((h.Db.Rows<Product>().Count, h.Db.Rows<Category>().Count), Is.EqualTo((1, 1)));
        Assert.That(h.Mapping(CatalogEntityKind.Product, "p")!.ContentHash, Is.EqualTo("deleted"));
    }

    [Test]
    public async Task After_a_full_exchange_what_the_session_did_not_carry_is_unpublished()
    {
        var h = new StoreHarness();
        var first = await h.ApplyAsync("s1", [
            new UpsertCategory { Key = "g1", Name = "G1", Published = true }, new UpsertCategory { Key = "g2", Name = "G2", Published = true },
            new UpsertProduct { Key = "kept", Name = "Kept", Hash = "hk" }, new UpsertProduct { Key = "touched", Name = "Touched" },
            new UpsertProduct { Key = "gone", Name = "Gone", Hash = "hg" }]);
        var ids = first.Outcomes.Select(o => o.EntityId).ToArray();

        await h.ApplyAsync("s2", [new UpsertProduct { Key = "touched", EntityId = ids[3], Name = "Touched 2" }],
            new EntityKey(CatalogEntityKind.Product, "kept"), new EntityKey(CatalogEntityKind.Category, "g1"));
        Assert.That(await h.Store.CountSeenAsync("s2", CatalogEntityKind.Product, CancellationToken.None), Is.EqualTo(2), "touched + kept");
        Assert.That(await h.Store.CountSeenAsync("s2", CatalogEntityKind.Category, CancellationToken.None), Is.EqualTo(1));
        var unpublished = await h.Store.UnpublishNotSeenAsync("s2", [CatalogEntityKind.Category, CatalogEntityKind.Product], CancellationToken.None);

        Assert.That(unpublished, Is.EqualTo(2));
        Assert.That(h.Db.Rows<Product>().Where(p => !p.Published).Select(p => p.Name), Is.EqualTo(new[] { "Gone" }));
        Assert.That(h.Db.Rows<Category>().Where(c => !c.Published).Select(c => c.Name), Is.EqualTo(new[] { "G2" }));
        Assert.That((h.Mapping(CatalogEntityKind.Product, "gone")!.ContentHash, h.Mapping(CatalogEntityKind.Product, "kept")!.ContentHash),
            Is.EqualTo(((string?)null, "hk")), "an unpublished item is written again when 1C sends it again, even unchanged");
        Assert.That(await h.Store.UnpublishNotSeenAsync("s2", [CatalogEntityKind.Category, CatalogEntityKind.Product], CancellationToken.None),
            Is.Zero, "idempotent");
    }

    [Test]
    public void Unpublishing_an_entity_the_store_does_not_have_names_the_1C_id()
    {
        var h = new StoreHarness();
        var error = Assert.ThrowsAsync<InvalidOperationException>(() =>
            h.ApplyAsync(new UnpublishEntity { Key = "never-seen", EntityKind = CatalogEntityKind.Product }));
        Assert.That(error!.Message, Does.Contain("never-seen"));
    }
}
