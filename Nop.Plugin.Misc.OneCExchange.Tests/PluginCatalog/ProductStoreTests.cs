using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class ProductStoreTests
{
    private static UpsertProduct NewProduct(string key, string name, string slug) => new()
    {
        Key = key, Name = name, Slug = slug, Sku = "SKU-" + key, Gtin = "4600000000017", Weight = 1.25m,
        ShortDescription = "<p>short</p>", FullDescription = "<p>full</p>", TaxCategoryId = 3, Published = true,
        Defaults = new NewProductDefaults(1, 10000, VisibleIndividually: true, ManageInventory: true, DisplayStockAvailability: true),
        Hash = "h-" + key
    };

    [Test]
    public async Task A_new_product_gets_its_fields_and_the_defaults_that_make_it_sellable()
    {
        var h = new StoreHarness();
        var command = NewProduct("p1", "Куртка зимняя", "kurtka-zimnyaya");
        var result = await h.ApplyAsync(command);

        Assert.That(result.Outcomes[0].Created, Is.True);
        var p = h.Row<Product>(result.Outcomes[0].EntityId);
        Assert.Multiple(() =>
        {
            Assert.That((p.Name, p.Sku, p.Gtin, p.Weight, p.TaxCategoryId), Is.EqualTo((command.Name, command.Sku, command.Gtin, command.Weight, 3)));
            Assert.That((p.ShortDescription, p.FullDescription), Is.EqualTo((command.ShortDescription, command.FullDescription)));
            Assert.That(p.ProductTypeId, Is.EqualTo((int)ProductType.SimpleProduct));
            Assert.That((p.OrderMinimumQuantity, p.OrderMaximumQuantity), Is.EqualTo((1, 10000)), "a product built in code has max 0: nothing could be ordered");
            Assert.That(p.VisibleIndividually && p.Published && p.IsShipEnabled, Is.True);
            Assert.That(p.ManageInventoryMethodId, Is.EqualTo((int)ManageInventoryMethod.ManageStock));
            Assert.That(p.CreatedOnUtc, Is.Not.EqualTo(default(DateTime)));
            Assert.That(p.UpdatedOnUtc, Is.EqualTo(p.CreatedOnUtc));
        });
        Assert.That(h.Db.Rows<UrlRecord>().Single(), Has.Property("EntityName").EqualTo("Product")
            .And.Property("Slug").EqualTo("kurtka-zimnyaya").And.Property("EntityId").EqualTo(p.Id).And.Property("LanguageId").EqualTo(0));
        Assert.That(h.Mapping(CatalogEntityKind.Product, "p1")!.EntityId, Is.EqualTo(p.Id));
    }

    [Test]
    public async Task A_create_without_defaults_uses_the_admin_defaults()
    {
        var h = new StoreHarness();
        var id = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });
        var p = h.Row<Product>(id);
        Assert.That((p.OrderMinimumQuantity, p.OrderMaximumQuantity, p.VisibleIndividually, p.Published), Is.EqualTo((1, 10000, true, true)));
    }

    [Test]
    public void A_new_product_without_a_name_is_refused_with_its_1C_id()
    {
        var h = new StoreHarness();
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => h.ApplyAsync(new UpsertProduct { Key = "nameless" }));
        Assert.That(error!.Message, Does.Contain("nameless"));
        Assert.That(h.Db.Rows<Product>(), Is.Empty);
    }

    [Test]
    public async Task An_update_writes_the_fields_given_and_leaves_the_others()
    {
        var h = new StoreHarness();
        var id = await h.IdOf(NewProduct("p1", "Old name", "old-name"));
        var created = h.Row<Product>(id);

        await h.ApplyAsync(new UpsertProduct { Key = "p1", EntityId = id, Sku = "NEW-SKU", Weight = 2m, Hash = "h2" });

        var p = h.Row<Product>(id);
        Assert.That((p.Name, p.Sku, p.Weight, p.FullDescription), Is.EqualTo(("Old name", "NEW-SKU", 2m, created.FullDescription)));
        Assert.That(h.Db.Rows<Product>(), Has.Count.EqualTo(1));
        Assert.That(h.Db.Rows<UrlRecord>(), Has.Count.EqualTo(1), "the slug is set only on create");
    }

    [Test]
    public async Task Categories_given_become_the_complete_set()
    {
        var h = new StoreHarness();
        var c1 = await h.IdOf(new UpsertCategory { Key = "c1", Name = "C1", Published = true });
        var c2 = await h.IdOf(new UpsertCategory { Key = "c2", Name = "C2", Published = true });
        var c3 = await h.IdOf(new UpsertCategory { Key = "c3", Name = "C3", Published = true });
        var id = await h.IdOf(NewProduct("p", "P", "p") with { CategoryIds = [c1, c2] });
        Assert.That(h.Db.Rows<ProductCategory>().Select(pc => pc.CategoryId), Is.EquivalentTo(new[] { c1, c2 }));

        await h.ApplyAsync(new UpsertProduct { Key = "p", EntityId = id, CategoryIds = [c2, c3] });
        Assert.That(h.Db.Rows<ProductCategory>().Where(pc => pc.ProductId == id).Select(pc => pc.CategoryId), Is.EquivalentTo(new[] { c2, c3 }));

        await h.ApplyAsync(new UpsertProduct { Key = "p", EntityId = id, Name = "P2" });
        Assert.That(h.Db.Rows<ProductCategory>().Select(pc => pc.CategoryId), Is.EquivalentTo(new[] { c2, c3 }), "null = leave");
    }

    [Test]
    public async Task The_manufacturer_from_1C_replaces_the_previous_one_from_1C_but_not_one_added_by_hand()
    {
        var h = new StoreHarness();
        var m1 = await h.IdOf(new UpsertManufacturer { Key = "m1", Name = "Acme", Slug = "acme" });
        var m2 = await h.IdOf(new UpsertManufacturer { Key = "m2", Name = "Globex", Slug = "globex" });
        var byHand = new Manufacturer { Name = "Shop brand" };
        await h.Db.Table<Manufacturer>().InsertAsync(byHand);
        var id = await h.IdOf(NewProduct("p", "P", "p") with { ManufacturerId = m1 });
        await h.Db.Table<ProductManufacturer>().InsertAsync(new ProductManufacturer { ProductId = id, ManufacturerId = byHand.Id });

        await h.ApplyAsync(new UpsertProduct { Key = "p", EntityId = id, ManufacturerId = m2 });

        Assert.That(h.Db.Rows<ProductManufacturer>().Select(pm => pm.ManufacturerId), Is.EquivalentTo(new[] { m2, byHand.Id }));
        Assert.That(h.Db.Rows<UrlRecord>().Where(u => u.EntityName == "Manufacturer").Select(u => u.Slug), Is.EquivalentTo(new[] { "acme", "globex" }));
    }

    [Test]
    public async Task Tax_category_is_found_by_name_or_created()
    {
        var h = new StoreHarness();
        var existing = new Nop.Core.Domain.Tax.TaxCategory { Name = "НДС 20%" };
        await h.Db.Table<Nop.Core.Domain.Tax.TaxCategory>().InsertAsync(existing);

        var result = await h.ApplyAsync(new UpsertTaxCategory { Key = "VAT:20", Name = "НДС 20%" },
            new UpsertTaxCategory { Key = "VAT:none", Name = "Без НДС" });

        Assert.That(result.Outcomes[0], Is.EqualTo(new CommandOutcome(existing.Id, Created: false)));
        Assert.That(result.Outcomes[1].Created, Is.True);
        Assert.That(h.Db.Rows<Nop.Core.Domain.Tax.TaxCategory>().Select(t => t.Name), Is.EquivalentTo(new[] { "НДС 20%", "Без НДС" }));
    }

    [Test]
    public async Task Taken_slugs_are_those_of_any_entity_and_the_reserved_ones_ignoring_case()
    {
        var h = new StoreHarness();
        await h.Db.Table<UrlRecord>().InsertAsync(new UrlRecord { EntityName = "Category", Slug = "kurtki", IsActive = true });
        await h.Db.Table<UrlRecord>().InsertAsync(new UrlRecord { EntityName = "Product", Slug = "old-slug", IsActive = false });

        var taken = await h.Store.FindTakenSlugsAsync(["Kurtki", "old-slug", "login", "svobodno"], CancellationToken.None);

        Assert.That(taken, Is.EquivalentTo(new[] { "Kurtki", "old-slug", "login" }));
        Assert.That(taken.Contains("KURTKI"), Is.True, "case-insensitive set");
    }

    [Test]
    public async Task Products_by_SKU_leave_out_deleted_and_ambiguous_ones()
    {
        var h = new StoreHarness();
        var products = h.Db.Table<Product>();
        var single = new Product { Name = "a", Sku = "A-1" };
        await products.InsertAsync([single, new Product { Name = "b", Sku = "B-1" }, new Product { Name = "b2", Sku = "B-1" },
            new Product { Name = "c", Sku = "C-1", Deleted = true }]);

        var found = await h.Store.FindProductsBySkuAsync(["A-1", "B-1", "C-1", "D-1"], CancellationToken.None);

        Assert.That(found, Is.EquivalentTo(new Dictionary<string, int> { ["A-1"] = single.Id }));
    }
}
