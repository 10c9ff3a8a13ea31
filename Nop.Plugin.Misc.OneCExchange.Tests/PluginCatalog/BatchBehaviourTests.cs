using System.Transactions;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Plugin.Misc.OneCExchange.Services.Events;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class BatchBehaviourTests
{
    /// <summary>A batch with every kind of command, referring only to entities of earlier batches.</summary>
    private static async Task<CatalogCommand[]> FullBatchAsync(StoreHarness h)
    {
        var category = await h.IdOf(new UpsertCategory { Key = "g", Name = "G", Published = true, Slug = "g" });
        var attribute = await h.IdOf(new UpsertSpecificationAttribute { Key = "a", Name = "A" });
        var option = await h.IdOf(new UpsertSpecificationOption { Key = "a/1", SpecificationAttributeId = attribute, Name = "1" });
        var product = await h.IdOf(new UpsertProduct { Key = "base", Name = "Base", Slug = "base" });
        var variant = await h.IdOf(new UpsertVariant { Key = "base#1", ProductId = product, Attributes = [new("Size", "S")] });
        await h.Db.Table<Nop.Core.Domain.Customers.CustomerRole>().InsertAsync(new Nop.Core.Domain.Customers.CustomerRole { SystemName = "Wholesale" });
        return
        [
            new UpsertManufacturer { Key = "m", Name = "M", Slug = "m" },
            new UpsertCategory { Key = "g2", Name = "G2", ParentCategoryId = category, Published = true, Slug = "g2" },
            new UpsertProduct { Key = "p", Name = "P", Slug = "p", CategoryIds = [category], Specifications = [new(option, null, true, 0)] },
            new UpsertVariant { Key = "base#2", ProductId = product, Attributes = [new("Size", "M")] },
            new SetOfferPrices { Key = "base", Target = OfferTarget.Product, TargetId = product, Price = 10m, TierPrices = [new("Wholesale", 9m)], ManagedTierRoles = ["Wholesale"] },
            new SetOfferStock { Key = "base#1", Target = OfferTarget.Variant, TargetId = variant, Quantity = 5 },
            new RollUpVariantStock { Key = "base", ProductId = product },
        ];
    }

    [Test]
    public async Task Reapplying_the_same_batch_changes_nothing()
    {
        var h = new StoreHarness();
        var batch = await FullBatchAsync(h);
        var first = await h.ApplyAsync(batch);
        var resent = batch.Select((c, i) => c.EntityId is null && first.Outcomes[i].Created ? c with { EntityId = first.Outcomes[i].EntityId } : c).ToArray();
        var before = Snapshot(h);
        h.Db.ResetCounters();

        var second = await h.ApplyAsync(resent);

        Assert.That(second.Outcomes.Select(o => o.EntityId), Is.EqualTo(first.Outcomes.Select(o => o.EntityId)));
        Assert.That(second.Outcomes.Select(o => o.Created), Is.All.False);
        Assert.That(Snapshot(h), Is.EqualTo(before));
        Assert.That(h.Db.RoundTripsByOperation.Keys.Where(k => !k.EndsWith("GetAllAsync")), Is.Empty, "no write at all");
        Assert.That(h.Db.EntityEvents, Is.Empty);
    }

    private static string Snapshot(StoreHarness h) => string.Join("\n", new[]
    {
        Dump(h.Db.Rows<Product>()), Dump(h.Db.Rows<Category>()), Dump(h.Db.Rows<Manufacturer>()),
        Dump(h.Db.Rows<ProductCategory>()), Dump(h.Db.Rows<ProductSpecificationAttribute>()), Dump(h.Db.Rows<ProductAttributeCombination>()),
        Dump(h.Db.Rows<ProductAttributeValue>()), Dump(h.Db.Rows<Nop.Core.Domain.Catalog.TierPrice>()),
        Dump(h.Db.Rows<Nop.Core.Domain.Seo.UrlRecord>()), Dump(h.Db.Rows<OneCMapping>())
    });

    private static string Dump<T>(IEnumerable<T> rows) => string.Join("\n", rows.Select(r =>
        typeof(T).Name + ":" + string.Join(",", typeof(T).GetProperties().Select(p => $"{p.Name}={p.GetValue(r)}"))));

    [Test]
    public async Task Unchanged_keys_are_marked_seen_without_touching_entities()
    {
        var h = new StoreHarness();
        await h.ApplyAsync("s1", [new UpsertProduct { Key = "p", Name = "P", Hash = "h" }]);
        h.Db.ResetCounters();

        await h.ApplyAsync("s2", [], new EntityKey(CatalogEntityKind.Product, "p"));

        var mapping = h.Mapping(CatalogEntityKind.Product, "p")!;
        Assert.That((mapping.LastSeenSessionId, mapping.ContentHash), Is.EqualTo(("s2", "h")));
        Assert.That(h.Db.RoundTripsByOperation.Keys, Is.EquivalentTo(new[] { "OneCMapping.GetAllAsync", "OneCMapping.UpdateAsync(list)" }));
    }

    [Test]
    public async Task A_failure_inside_a_batch_leaves_nothing_of_it_written()
    {
        var h = new StoreHarness();
        var batch = await FullBatchAsync(h);
        var before = Snapshot(h);
        h.Db.Table<Nop.Core.Domain.Catalog.TierPrice>().FailWritesOf = _ => true;

        Assert.ThrowsAsync<InvalidOperationException>(() => h.ApplyAsync(batch));

        Assert.That(Snapshot(h), Is.EqualTo(before));
    }

    [Test]
    public async Task Entity_events_are_published_when_the_setting_is_on_and_caches_are_left_to_them()
    {
        var h = new StoreHarness(publishEntityEvents: true);
        var id = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });
        await h.ApplyAsync(new UpsertProduct { Key = "p", EntityId = id, Name = "P2" });

        Assert.That(h.Db.EntityEvents.Where(e => e.EntityType == typeof(Product)), Is.EqualTo(new[] { ("inserted", typeof(Product), id), ("updated", typeof(Product), id) }));
        Assert.That(h.CacheCleaner.Cleared, Is.Empty);
    }

    [Test]
    public async Task Without_entity_events_the_caches_of_every_written_type_are_cleared()
    {
        var h = new StoreHarness(publishEntityEvents: false);
        var category = await h.IdOf(new UpsertCategory { Key = "g", Name = "G", Published = true, Slug = "g" });
        h.CacheCleaner.Cleared.Clear();
        await h.ApplyAsync(new UpsertProduct { Key = "p", Name = "P", Slug = "p", CategoryIds = [category] });

        Assert.That(h.Db.EntityEvents, Is.Empty);
        Assert.That(h.CacheCleaner.Cleared, Is.EquivalentTo(new[] { typeof(Product), typeof(ProductCategory), typeof(Nop.Core.Domain.Seo.UrlRecord) }));
    }

    [Test]
    public async Task An_extension_can_enrich_a_command_before_it_is_written()
    {
        var h = new StoreHarness();
        h.Events.Consume<OneCCatalogCommandApplyingEvent>(e =>
        {
            if (e.Command is UpsertProduct product)
                e.Command = product with { Gtin = "4600000000017" };
        });

        var id = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });

        Assert.That(h.Row<Product>(id).Gtin, Is.EqualTo("4600000000017"));
        var applied = h.Events.Published.OfType<OneCCatalogBatchAppliedEvent>().Single();
        Assert.That(applied.Result.Outcomes.Single(), Is.EqualTo(new CommandOutcome(id, Created: true)));
    }

    [Test]
    public void A_vetoed_command_fails_the_batch_with_the_reason_and_nothing_is_written()
    {
        var h = new StoreHarness();
        h.Events.Consume<OneCCatalogCommandApplyingEvent>(e =>
        {
            if (e.Command.Key == "bad")
                e.Veto("no price list for it");
        });

        var error = Assert.ThrowsAsync<CatalogCommandVetoedException>(() =>
            h.ApplyAsync(new UpsertProduct { Key = "good", Name = "G" }, new UpsertProduct { Key = "bad", Name = "B" }));

        Assert.That(error!.Message, Does.Contain("bad").And.Contain("no price list for it"));
        Assert.That(h.Db.Rows<Product>(), Is.Empty);
    }

    [Test]
    public async Task Mappings_are_read_page_by_page_and_all_of_them()
    {
        var h = new StoreHarness();
        var count = OneCMappingTable.PageSize * 2 + 7;
        await h.Db.Table<OneCMapping>().InsertAsync(Enumerable.Range(0, count).Select(i => new OneCMapping
        {
            EntityTypeId = CatalogMappingTypes.IdOf(i % 2 == 0 ? CatalogEntityKind.Product : CatalogEntityKind.Category), OneCId = "k" + i, EntityId = i
        }).ToList());
        h.Db.ResetCounters();

        var products = new List<EntityMapping>();
        await foreach (var mapping in h.Store.ReadMappingsAsync(CatalogEntityKind.Product, CancellationToken.None))
            products.Add(mapping);

        var expected = Enumerable.Range(0, count).Where(i => i % 2 == 0).Select(i => new EntityMapping("k" + i, i, null));
        Assert.That(products, Is.EqualTo(expected));
        Assert.That(h.Db.RoundTrips, Is.EqualTo(products.Count / OneCMappingTable.PageSize + 1));
    }

    [Test]
    public void Nopcommerce_repository_scopes_join_the_batch_transaction()
    {
        // EntityRepository opens `new TransactionScope(TransactionScopeAsyncFlowOption.Enabled)` (serializable default)
        // inside our read-committed batch scope; that must join it, not throw on the isolation level.
        using var batch = new TransactionScope(TransactionScopeOption.Required,
            new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted }, TransactionScopeAsyncFlowOption.Enabled);
        var outer = Transaction.Current;
        using (var inner = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            Assert.That(Transaction.Current, Is.SameAs(outer));
            inner.Complete();
        }
        batch.Complete();
    }
}
