using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Catalog;

public sealed class CatalogMappingTests
{
    private CatalogHarness _h = null!;

    [SetUp]
    public void SetUp() => _h = new CatalogHarness();

    [TearDown]
    public void TearDown() => _h.Dispose();

    private static CommerceMlRecord[] SmallCatalog() =>
    [
        Cml.Catalog(),
        Cml.Group("g1", "Одежда"),
        Cml.Group("g2", "Куртки", "g1"),
        Cml.Group("g3", "Брюки", "g1"),
        Cml.Property("p-color", "Цвет", PropertyValueType.Reference, new("c-red", "Красный"), new("c-blue", "Синий")),
        Cml.Property("p-len", "Длина", PropertyValueType.Number),
        Cml.Product("a", "Куртка зимняя", "g2") with
        {
            Sku = "J-1", Barcode = "4600000000017", Weight = 1.5m, Description = "Тёплая <b>куртка</b>",
            Manufacturer = new ManufacturerRef("m1", "Фабрика"), TaxRates = [new TaxRate("НДС", "20")],
            PropertyValues = [Cml.Value("p-color", "Цвет", "Красный", "c-red", PropertyValueType.Reference),
                              Cml.Value("p-len", "Длина", "72", type: PropertyValueType.Number)],
        },
        Cml.Product("b", "Брюки", "g3") with { Sku = "T-1", TaxRates = [new TaxRate("НДС", "Без налога")] },
    ];

    [Test]
    public async Task Commands_say_whether_their_key_has_a_mapping_row_so_a_new_catalog_costs_no_mapping_lookup()
    {
        var sent = new List<CatalogCommand>();
        _h.Store.BeforeBatch = batch => sent.AddRange(batch.Commands);

        await _h.ImportAsync(SmallCatalog());
        Assert.That(sent.Select(c => c.Kind), Is.SupersetOf(new[] { CatalogEntityKind.Category, CatalogEntityKind.Product,
            CatalogEntityKind.Manufacturer, CatalogEntityKind.SpecificationOption }));
        Assert.That(sent.Where(c => !c.Unmapped), Is.Empty, "nothing of a new catalog has a row");

        sent.Clear();
        await _h.ImportAsync("s2", Cml.Product("a", "Куртка летняя", "g2"), Cml.Product("c", "Шарф", "g2"));
        Assert.That(sent.OfType<UpsertProduct>().Select(c => (c.Key, c.Unmapped)), Is.EqualTo(new[] { ("a", false), ("c", true) }));
        Assert.That(_h.Store.ProductOf("c").Name, Is.EqualTo("Шарф"));
    }

    [Test]
    public async Task Groups_become_a_published_category_tree_in_1C_order()
    {
        await _h.ImportAsync(SmallCatalog());

        var clothes = _h.Store.CategoryOf("g1");
        var jackets = _h.Store.CategoryOf("g2");
        var trousers = _h.Store.CategoryOf("g3");
        Assert.That(clothes.ParentCategoryId, Is.EqualTo(0));
        Assert.That(jackets.ParentCategoryId, Is.EqualTo(clothes.Id));
        Assert.That(trousers.ParentCategoryId, Is.EqualTo(clothes.Id));
        Assert.That((jackets.DisplayOrder, trousers.DisplayOrder), Is.EqualTo((0, 1)));
        Assert.That(new[] { clothes, jackets, trousers }.All(c => c.Published));
        Assert.That(_h.Store.SlugOf("Category", clothes.Id), Is.EqualTo("odezhda"));
    }

    [Test]
    public async Task Products_get_their_fields_sellable_defaults_and_references()
    {
        await _h.ImportAsync(SmallCatalog());

        var jacket = _h.Store.ProductOf("a");
        Assert.That(jacket.Name, Is.EqualTo("Куртка зимняя"));
        Assert.That(jacket.Sku, Is.EqualTo("J-1"));
        Assert.That(jacket.Gtin, Is.EqualTo("4600000000017"));
        Assert.That(jacket.Weight, Is.EqualTo(1.5m));
        Assert.That(jacket.FullDescription, Is.EqualTo("Тёплая <b>куртка</b>"), "1C text with tags keeps the allowed ones");
        Assert.That(jacket.CategoryIds, Is.EqualTo(new[] { _h.Store.CategoryOf("g2").Id }));
        Assert.That(jacket.ManufacturerIds.Select(id => _h.Store.Manufacturers[id].Name), Is.EqualTo(new[] { "Фабрика" }));
        Assert.That(_h.Store.TaxCategories[jacket.TaxCategoryId].Name, Is.EqualTo("НДС 20%"));
        Assert.That(_h.Store.TaxCategories[_h.Store.ProductOf("b").TaxCategoryId].Name, Is.EqualTo("Без НДС"));
        Assert.That(jacket.Published, Is.True);
        Assert.That((jacket.OrderMinimumQuantity, jacket.VisibleIndividually, jacket.ManageInventory), Is.EqualTo((1, true, true)));
        Assert.That(jacket.OrderMaximumQuantity, Is.GreaterThan(1));
        Assert.That(_h.Store.SlugOf("Product", jacket.Id), Is.EqualTo("kurtka-zimnyaya"));
        Assert.That(jacket.Source, Is.InstanceOf<OneCExchange.Core.CommerceMl.Product>(), "1C's record is kept for extensions");
    }

    [Test]
    public async Task Description_text_is_made_safe_html()
    {
        await _h.ImportAsync(Cml.Product("x", "X") with { Description = "Строка 1\nСтрока <2> & \"3\"\n\nАбзац 2" },
            Cml.Product("y", "Y") with { Description = "<p onclick=\"alert(1)\">Hi<script>alert(2)</script> <a href=\"javascript:x\">l</a></p>" });

        Assert.That(_h.Store.ProductOf("x").FullDescription,
            Is.EqualTo("<p>Строка 1<br />Строка &lt;2&gt; &amp; &quot;3&quot;</p><p>Абзац 2</p>"));
        Assert.That(_h.Store.ProductOf("y").FullDescription, Is.EqualTo("<p>Hi <a>l</a></p>"));
    }

    [Test]
    public async Task Properties_become_specifications_with_options_and_custom_values()
    {
        await _h.ImportAsync(SmallCatalog());

        var jacket = _h.Store.ProductOf("a");
        Assert.That(_h.Store.SpecificationsOf(jacket), Is.EqualTo(new[] { ("Цвет", "Красный"), ("Длина", "72") }));
        var color = jacket.Specifications.Single(s => s.CustomValue is null);
        Assert.That(color.AllowFiltering, Is.True, "reference values are filterable options");
        var colorAttribute = _h.Store.SpecificationAttributes.Values.Single(a => a.Name == "Цвет");
        Assert.That(_h.Store.SpecificationOptions.Values.Where(o => o.AttributeId == colorAttribute.Id).Select(o => o.Name),
            Is.EquivalentTo(new[] { "Красный", "Синий" }));
        var length = jacket.Specifications.Single(s => s.CustomValue != null);
        Assert.That(length.AllowFiltering, Is.False);
        Assert.That(_h.Store.SpecificationOptions.ContainsKey(length.OptionId), "nopCommerce needs an option even for custom text");

        await _h.ImportAsync(((OneCExchange.Core.CommerceMl.Product)SmallCatalog()[6]) with
        {
            PropertyValues = [Cml.Value("p-color", "Цвет", "Синий", "c-blue", PropertyValueType.Reference)],
        });
        Assert.That(_h.Store.SpecificationsOf(_h.Store.ProductOf("a")), Is.EqualTo(new[] { ("Цвет", "Синий") }),
            "product values are kept in sync");
    }

    [Test]
    public async Task Reimporting_the_same_package_changes_nothing_and_counts_skipped()
    {
        var first = await _h.ImportAsync(SmallCatalog());
        var products = _h.Store.Products.Count;
        var categories = _h.Store.Categories.Count;
        var options = _h.Store.SpecificationOptions.Count;
        var batches = _h.Store.Batches;

        var second = await _h.ImportAsync("s2", SmallCatalog());

        Assert.That(first.Created, Is.EqualTo(7), "3 groups, 2 properties, 2 products");
        Assert.That((second.Created, second.Updated, second.Skipped, second.Failed), Is.EqualTo((0, 0, 7, 0)));
        Assert.That((_h.Store.Products.Count, _h.Store.Categories.Count, _h.Store.SpecificationOptions.Count),
            Is.EqualTo((products, categories, options)));
        Assert.That(_h.Store.Batches, Is.EqualTo(batches + 1), "one batch only to record that the session saw them");
        Assert.That(_h.Store.Mappings.Where(m => m.Key.Kind is CatalogEntityKind.Product or CatalogEntityKind.Category)
            .All(m => m.Value.LastSessionId == "s2"));
    }

    [Test]
    public async Task Renamed_and_moved_groups_update_their_category()
    {
        await _h.ImportAsync(SmallCatalog());
        var id = _h.Store.CategoryOf("g3").Id;

        var counters = await _h.ImportAsync("s2", Cml.Group("g1", "Одежда"), Cml.Group("g2", "Куртки", "g1"),
            Cml.Group("g3", "Штаны", "g2"));

        var moved = _h.Store.CategoryOf("g3");
        Assert.That(moved.Id, Is.EqualTo(id));
        Assert.That(moved.Name, Is.EqualTo("Штаны"));
        Assert.That(moved.ParentCategoryId, Is.EqualTo(_h.Store.CategoryOf("g2").Id));
        Assert.That((counters.Updated, counters.Skipped), Is.EqualTo((1, 2)));
        Assert.That(_h.Store.Categories, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Slugs_are_unique_within_a_batch_and_against_the_store()
    {
        _h.Store.ReserveSlug("chaynik");
        await _h.ImportAsync(Cml.Product("1", "Чайник"), Cml.Product("2", "Чайник"), Cml.Product("3", "ЧАЙНИК!"));

        var slugs = new[] { "1", "2", "3" }.Select(k => _h.Store.SlugOf("Product", _h.Store.ProductOf(k).Id)).ToList();
        Assert.That(slugs, Is.Unique);
        Assert.That(slugs, Has.None.EqualTo("chaynik"));
        Assert.That(slugs, Is.All.StartsWith("chaynik-"));
    }

    [Test]
    public async Task Pictures_follow_1C_order_and_unchanged_files_are_not_uploaded_again()
    {
        var one = _h.WriteImage("import_files/aa/1.jpg", "one");
        var two = _h.WriteImage("import_files/aa/2.png", "two");
        var product = Cml.Product("a", "A") with { Images = [new(two, null), new(one, "фасад")] };
        await _h.ImportAsync(product);
        var first = _h.Store.ProductOf("a").PictureIds.ToList();
        Assert.That(first.Select(id => _h.Store.Pictures[id].MimeType), Is.EqualTo(new[] { "image/png", "image/jpeg" }));
        Assert.That(_h.Store.PictureUploads, Is.EqualTo(2));

        // Same files again (even under a changed product): nothing is uploaded.
        await _h.ImportAsync("s2", product with { Name = "A2" });
        Assert.That(_h.Store.PictureUploads, Is.EqualTo(2));
        Assert.That(_h.Store.ProductOf("a").PictureIds, Is.EqualTo(first));

        // The file of the first picture is replaced: the picture is replaced in place.
        _h.WriteImage(two, "two, retouched");
        await _h.ImportAsync("s3", product with { Name = "A3" });
        Assert.That(_h.Store.PictureUploads, Is.EqualTo(3));
        Assert.That(_h.Store.ProductOf("a").PictureIds, Is.EqualTo(first));
        Assert.That(_h.Store.Pictures[first[0]].ContentHash, Does.Not.EqualTo(_h.Store.Pictures[first[1]].ContentHash));

        // 1C stops sending the second picture: it is removed from the product.
        await _h.ImportAsync("s4", product with { Images = [new(two, null)] });
        Assert.That(_h.Store.ProductOf("a").PictureIds, Is.EqualTo(new[] { first[0] }));
        Assert.That(_h.Store.Pictures.ContainsKey(first[1]), Is.False);
        Assert.That(_h.Store.PictureUploads, Is.EqualTo(3));
    }

    [Test]
    public async Task Deleted_items_are_unpublished_never_deleted_and_unknown_deleted_ones_are_not_created()
    {
        await _h.ImportAsync(SmallCatalog());
        var counters = await _h.ImportAsync("s2", Cml.Group("g3", "Брюки", "g1", deleted: true),
            Cml.Product("a", "Куртка зимняя") with { IsDeleted = true },
            Cml.Product("ghost", "Призрак") with { IsDeleted = true });

        Assert.That(_h.Store.ProductOf("a").Published, Is.False);
        Assert.That(_h.Store.CategoryOf("g3").Published, Is.False);
        Assert.That(_h.Store.EntityId(CatalogEntityKind.Product, "ghost"), Is.Null);
        Assert.That(_h.Store.Products, Has.Count.EqualTo(2));
        Assert.That((counters.Unpublished, counters.Skipped), Is.EqualTo((2, 1)));

        var again = await _h.ImportAsync("s3", Cml.Product("a", "Куртка зимняя") with { IsDeleted = true });
        Assert.That((again.Unpublished, again.Skipped), Is.EqualTo((0, 1)), "deleting twice is idempotent");
    }

    [Test]
    public async Task A_full_exchange_unpublishes_what_it_did_not_carry_a_changes_only_one_does_not()
    {
        await _h.ImportAsync("s1", Cml.Catalog(), Cml.Group("g", "G"), Cml.Product("a", "A", "g"), Cml.Product("b", "B", "g"));
        await _h.CompleteAsync("s1", full: true);

        await _h.ImportAsync("s2", Cml.Catalog(changesOnly: true), Cml.Product("a", "A2", "g"));
        await _h.CompleteAsync("s2", full: false);
        Assert.That(_h.Store.ProductOf("b").Published, Is.True, "changes-only touches only what it carries");

        await _h.ImportAsync("s3", Cml.Catalog(), Cml.Group("g", "G"), Cml.Product("a", "A2", "g"));
        var message = await _h.CompleteAsync("s3", full: true);
        Assert.That(_h.Store.ProductOf("b").Published, Is.False);
        Assert.That(_h.Store.ProductOf("a").Published, Is.True);
        Assert.That(_h.Store.CategoryOf("g").Published, Is.True);
        Assert.That(message, Does.Contain("1"));
        Assert.That(_h.Store.Products, Has.Count.EqualTo(2), "never deleted");

        // The product comes back unchanged in a later exchange: it is published again.
        await _h.ImportAsync("s4", Cml.Product("b", "B", "g"));
        Assert.That(_h.Store.ProductOf("b").Published, Is.True);
    }

    [Test]
    public async Task Missing_items_are_left_alone_when_the_setting_says_so_or_the_session_is_unknown()
    {
        await _h.ImportAsync("s1", Cml.Product("a", "A"), Cml.Product("b", "B"));
        _h.Options = _h.Options with { MissingItemsAction = MissingItemsAction.Leave };
        await _h.ImportAsync("s2", Cml.Product("a", "A"));
        await _h.CompleteAsync("s2", full: true);
        Assert.That(_h.Store.ProductOf("b").Published, Is.True);

        _h.Options = _h.Options with { MissingItemsAction = MissingItemsAction.Unpublish };
        await _h.CompleteAsync("no-such-session", full: true);
        Assert.That(_h.Store.ProductOf("b").Published, Is.True, "a session that carried no catalog unpublishes nothing");

        // After a restart the process has forgotten s2; a store that cannot count what s2 saw makes it refuse...
        var restarted = new CatalogCompletionService(_h.Store, _h.Options, new CatalogSessions());
        _h.Store.CanCountSeen = false;
        var message = await restarted.CompleteAsync(new CatalogCompletion("s2", true, DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.That(_h.Store.ProductOf("b").Published, Is.True, message);

        // ...while a store that can count lets the completion apply the policy.
        _h.Store.CanCountSeen = true;
        await restarted.CompleteAsync(new CatalogCompletion("s2", true, DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.That(_h.Store.ProductOf("b").Published, Is.False);
        Assert.That(_h.Store.ProductOf("a").Published, Is.True);
    }

    [Test]
    public async Task A_failing_item_is_reported_with_its_1C_id_and_the_rest_lands()
    {
        _h.Store.FailWhen = c => c is UpsertProduct { Key: "b" };
        var counters = await _h.ImportAsync(Cml.Product("a", "A"), Cml.Product("b", "B"), Cml.Product("c", "C"));

        Assert.That((counters.Created, counters.Failed), Is.EqualTo((2, 1)));
        Assert.That(counters.Messages.Select(m => m.ToString()), Has.Some.Contains("Товар b"));
        Assert.That(_h.Store.Products.Values.Select(p => p.Name), Is.EquivalentTo(new[] { "A", "C" }));

        _h.Store.FailWhen = null;
        var retry = await _h.ImportAsync("s2", Cml.Product("a", "A"), Cml.Product("b", "B"), Cml.Product("c", "C"));
        Assert.That((retry.Created, retry.Skipped), Is.EqualTo((1, 2)), "the failed item is not remembered as done");
    }

    [Test]
    public void A_store_that_fails_every_item_stops_the_import()
    {
        _h.Store.FailWhen = c => c is UpsertProduct;
        Assert.ThrowsAsync<ImportException>(() => _h.ImportAsync(Cml.Product("a", "A"), Cml.Product("b", "B")));
    }

    [Test]
    public async Task Adoption_by_SKU_links_an_existing_store_product_only_when_enabled()
    {
        var existing = _h.Store.AddExistingProduct("Старое имя", "SKU-1");
        await _h.ImportAsync(Cml.Product("x", "Новое") with { Sku = "SKU-1" });
        Assert.That(_h.Store.ProductOf("x").Id, Is.Not.EqualTo(existing), "off by default");

        var h = new CatalogHarness { Options = new CatalogImportOptions { AdoptProductsBySku = true } };
        try
        {
            var id = h.Store.AddExistingProduct("Старое имя", "SKU-1");
            var counters = await h.ImportAsync(Cml.Product("x", "Новое") with { Sku = "SKU-1" });
            Assert.That(h.Store.ProductOf("x").Id, Is.EqualTo(id));
            Assert.That(h.Store.Products, Has.Count.EqualTo(1));
            Assert.That(h.Store.ProductOf("x").Name, Is.EqualTo("Новое"));
            Assert.That(counters.Messages.Select(m => m.ToString()), Has.Some.Contains("SKU-1"), "adoption is logged");
        }
        finally
        {
            h.Dispose();
        }
    }

    [Test]
    public async Task Fields_the_store_owns_are_set_on_create_and_never_overwritten()
    {
        _h.Options = _h.Options with { UpdateProductNames = false, UpdateProductDescriptions = false };
        await _h.ImportAsync(Cml.Product("a", "Имя из 1С") with { Description = "Описание", Sku = "1" });
        var product = _h.Store.ProductOf("a");
        product.Name = "Имя из магазина";
        product.FullDescription = "Своё";

        await _h.ImportAsync("s2", Cml.Product("a", "Новое имя из 1С") with { Description = "Новое", Sku = "2" });
        Assert.That((product.Name, product.FullDescription, product.Sku), Is.EqualTo(("Имя из магазина", "Своё", "2")));
    }

    [Test]
    public async Task New_products_wait_for_review_when_the_setting_says_so()
    {
        _h.Options = _h.Options with { PublishNewProducts = false };
        await _h.ImportAsync(Cml.Product("a", "A"));
        Assert.That(_h.Store.ProductOf("a").Published, Is.False);
    }

    [Test]
    public async Task The_manufacturer_can_come_from_a_property_chosen_in_settings()
    {
        _h.Options = _h.Options with { ManufacturerPropertyName = "Бренд" };
        await _h.ImportAsync(Cml.Product("a", "A") with
        {
            Manufacturer = new ManufacturerRef("m1", "Фабрика"),
            PropertyValues = [Cml.Value("p-brand", "Бренд", "Алтай"), Cml.Value("p-len", "Длина", "72")],
        });

        var product = _h.Store.ProductOf("a");
        Assert.That(product.ManufacturerIds.Select(id => _h.Store.Manufacturers[id].Name), Is.EqualTo(new[] { "Алтай" }));
        Assert.That(_h.Store.SpecificationsOf(product), Is.EqualTo(new[] { ("Длина", "72") }), "the brand is not also a specification");
        Assert.That(_h.Store.SlugOf("Manufacturer", product.ManufacturerIds[0]), Is.EqualTo("altay"));
    }

    [Test]
    public async Task Long_values_and_paths_get_mapping_keys_that_fit_and_stay_stable()
    {
        var longText = string.Concat(Enumerable.Repeat("Очень длинное значение свойства ", 10));
        var image = _h.WriteImage("import_files/" + new string('a', 140) + ".jpg", "x");
        var product = Cml.Product("a", "A") with
        {
            Images = [new(image, null)],
            PropertyValues = [Cml.Value("p", "Серия", longText, type: PropertyValueType.Reference)],
            Manufacturer = new ManufacturerRef(null, longText),
        };
        await _h.ImportAsync(product);
        var second = await _h.ImportAsync("s2", product with { Name = "A2" });

        Assert.That(_h.Store.Mappings.Keys.Select(k => k.Key.Length), Is.All.LessThanOrEqualTo(MappingKeys.MaxLength));
        Assert.That(_h.Store.SpecificationsOf(_h.Store.ProductOf("a")), Is.EqualTo(new[] { ("Серия", longText.Trim()) }));
        Assert.That(_h.Store.SpecificationOptions, Has.Count.EqualTo(1));
        Assert.That(_h.Store.Manufacturers, Has.Count.EqualTo(1));
        Assert.That((_h.Store.PictureUploads, second.Updated), Is.EqualTo((1, 1)), "the picture is recognised again");
    }
}
