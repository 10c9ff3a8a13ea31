using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class CategoryStoreTests
{
    [Test]
    public async Task Groups_become_a_published_category_tree_with_slugs_and_mappings()
    {
        var h = new StoreHarness();
        var root = await h.ApplyAsync(new UpsertCategory { Key = "g1", Name = "Одежда", Published = true, Slug = "odezhda", Hash = "h1" });
        var rootId = root.Outcomes[0].EntityId;
        var children = await h.ApplyAsync(
            new UpsertCategory { Key = "g2", Name = "Куртки", ParentCategoryId = rootId, DisplayOrder = 1, Published = true, Slug = "kurtki" },
            new UpsertCategory { Key = "g3", Name = "Брюки", ParentCategoryId = rootId, DisplayOrder = 2, Published = true, Slug = "bryuki" });

        Assert.That(root.Outcomes[0].Created, Is.True);
        Assert.That(children.Outcomes.Select(o => o.Created), Is.All.True);
        var categories = h.Db.Rows<Category>();
        Assert.That(categories.Select(c => (c.Name, c.ParentCategoryId, c.Published)), Is.EquivalentTo(new[]
        {
            ("Одежда", 0, true), ("Куртки", rootId, true), ("Брюки", rootId, true)
        }));
        Assert.That(categories.Single(c => c.Name == "Куртки").PageSize, Is.EqualTo(6), "admin defaults for a new category");
        Assert.That(h.Db.Rows<UrlRecord>().Select(u => (u.EntityName, u.Slug, u.EntityId, u.IsActive)), Is.EquivalentTo(
            categories.Select(c => ("Category", c.Name switch { "Одежда" => "odezhda", "Куртки" => "kurtki", _ => "bryuki" }, c.Id, true))));
        var mapping = h.Mapping(CatalogEntityKind.Category, "g1")!;
        Assert.That((mapping.EntityId, mapping.ContentHash, mapping.LastSeenSessionId), Is.EqualTo((rootId, "h1", StoreHarness.Session)));
    }

    [Test]
    public async Task Renamed_and_moved_group_updates_its_category_and_keeps_its_slug()
    {
        var h = new StoreHarness();
        var a = await h.IdOf(new UpsertCategory { Key = "a", Name = "A", Published = true, Slug = "a" });
        var b = await h.IdOf(new UpsertCategory { Key = "b", Name = "B", Published = true, Slug = "b" });
        var child = await h.IdOf(new UpsertCategory { Key = "c", Name = "C", ParentCategoryId = a, Published = true, Slug = "c" });

        var result = await h.ApplyAsync(new UpsertCategory { Key = "c", EntityId = child, Name = "C renamed", ParentCategoryId = b, Published = true, Hash = "h2" });

        Assert.That(result.Outcomes[0], Is.EqualTo(new CommandOutcome(child, Created: false)));
        var category = h.Row<Category>(child);
        Assert.That((category.Name, category.ParentCategoryId), Is.EqualTo(("C renamed", b)));
        Assert.That(h.Db.Rows<Category>(), Has.Count.EqualTo(3));
        Assert.That(h.Db.Rows<UrlRecord>().Where(u => u.EntityId == child).Select(u => u.Slug), Is.EqualTo(new[] { "c" }));
        Assert.That(h.Mapping(CatalogEntityKind.Category, "c")!.ContentHash, Is.EqualTo("h2"));
    }

    [Test]
    public async Task Description_left_null_keeps_the_one_the_shop_owner_wrote()
    {
        var h = new StoreHarness();
        var id = await h.IdOf(new UpsertCategory { Key = "a", Name = "A", Description = "<p>from 1C</p>", Published = true });
        await h.ApplyAsync(new UpsertCategory { Key = "a", EntityId = id, Name = "A", Published = true });
        Assert.That(h.Row<Category>(id).Description, Is.EqualTo("<p>from 1C</p>"));
    }

    [Test]
    public async Task A_category_gone_from_the_store_is_created_again_under_its_parent()
    {
        var h = new StoreHarness();
        var parent = await h.IdOf(new UpsertCategory { Key = "parent", Name = "Parent", Published = true });

        var result = await h.ApplyAsync(new UpsertCategory { Key = "lost-group", EntityId = 42, Name = "X", ParentCategoryId = parent, Published = true });

        Assert.That(result.Outcomes[0].Created, Is.True);
        var category = h.Row<Category>(result.Outcomes[0].EntityId);
        Assert.That((category.Name, category.ParentCategoryId), Is.EqualTo(("X", parent)));
        Assert.That(h.Mapping(CatalogEntityKind.Category, "lost-group")!.EntityId, Is.EqualTo(category.Id));
    }
}
