using NUnit.Framework;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.CatalogExport;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.CommerceMl.Analysis;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;
using OneCExchange.Tests.Protocol;
using CmlProduct = OneCExchange.Core.CommerceMl.Product;
using Product = Nop.Core.Domain.Catalog.Product;
using ProductPicture = Nop.Core.Domain.Catalog.ProductPicture;
using Warehouse = Nop.Core.Domain.Shipping.Warehouse;

namespace OneCExchange.Tests.EndToEnd;

/// <summary>
/// type=get_catalog over HTTP from the plugin's catalog source on a store that never talked to 1C: the documents are
/// CommerceML our reader reads back with the store's counts, the ids are kept in the mapping table and stay the same,
/// and the catalog sent back as a 1C package updates the same entities (no product, category, property or
/// combination is created).
/// </summary>
public class GetCatalogTests : LoopbackTestBase
{
    private StoreHarness _store = null!;
    private OneCExchangeSettings _settings = null!;
    private string _out = null!;

    [SetUp]
    public async Task SeedStoreAsync()
    {
        _store = new StoreHarness(publishEntityEvents: false);
        _settings = new OneCExchangeSettings { ExportPictures = true, PriceTypeMappings = "Розничная=Price" };
        _out = Path.Combine(Scratch, "catalog");
        await SeedAsync(_store.Db);
        var db = _store.Db;
        var ids = new ExportIdAssigner(db.Table<OneCMapping>());
        var offers = new CatalogExportOfferReader(db.Table<ProductAttributeCombination>(),
            db.Table<ProductAttributeMapping>(), db.Table<ProductAttributeValue>(), db.Table<ProductAttribute>(),
            db.Table<ProductWarehouseInventory>(), db.Table<Warehouse>(), db.Table<Currency>(), new FakeProductAttributeParser(),
            ids, new CurrencySettings { PrimaryStoreCurrencyId = 1 }, _settings);
        Host.CatalogExport = new NopCatalogExportSource(db.Table<Product>(), db.Table<Category>(), db.Table<ProductCategory>(),
            db.Table<Manufacturer>(), db.Table<ProductManufacturer>(), db.Table<SpecificationAttribute>(),
            db.Table<SpecificationAttributeOption>(), db.Table<ProductSpecificationAttribute>(), db.Table<ProductPicture>(),
            _store.Pictures, ids, offers, _settings);
        Host.Options = Host.Options with { CatalogExportPageSize = 2 };
    }

    /// <summary>3 categories (one deleted), 2 properties with 3 options, a manufacturer, 2 warehouses, 5 products (and a
    /// deleted one): one with 2 attribute combinations, one with stock in both warehouses, one with a picture.</summary>
    private static async Task SeedAsync(FakeDatabase db)
    {
        await db.Table<Currency>().InsertAsync(new Currency { CurrencyCode = "RUB", Rate = 1 });
        await db.Table<Category>().InsertAsync([new Category { Name = "Одежда", Published = true },
            new Category { Name = "Куртки", ParentCategoryId = 1, Published = true }, new Category { Name = "Старое", Deleted = true }]);
        await db.Table<SpecificationAttribute>().InsertAsync([new SpecificationAttribute { Name = "Цвет" }, new SpecificationAttribute { Name = "Материал" }]);
        await db.Table<SpecificationAttributeOption>().InsertAsync([new SpecificationAttributeOption { SpecificationAttributeId = 1, Name = "Красный" },
            new SpecificationAttributeOption { SpecificationAttributeId = 1, Name = "Синий" }, new SpecificationAttributeOption { SpecificationAttributeId = 2, Name = "Шерсть" }]);
        await db.Table<Manufacturer>().InsertAsync(new Manufacturer { Name = "Acme", Published = true });
        await db.Table<Warehouse>().InsertAsync([new Warehouse { Name = "Москва" }, new Warehouse { Name = "Казань" }]);
        for (var i = 1; i <= 6; i++)
            await db.Table<Product>().InsertAsync(new Product
            {
                Name = $"Товар {i}", Sku = $"SKU-{i}", Gtin = i == 1 ? "4600000000011" : null, FullDescription = $"<p>Описание {i}</p>", ShortDescription = i == 1 ? "Коротко о товаре 1" : null,
                Price = 100 * i, Published = true, Deleted = i == 6, ManageInventoryMethodId = i == 2 ? 2 : 1, StockQuantity = 7,
                UseMultipleWarehouses = i == 3, Weight = 1.5m,
            });
        await db.Table<ProductCategory>().InsertAsync([new ProductCategory { ProductId = 1, CategoryId = 2 }, new ProductCategory { ProductId = 2, CategoryId = 1 }]);
        await db.Table<ProductManufacturer>().InsertAsync(new ProductManufacturer { ProductId = 1, ManufacturerId = 1 });
        await db.Table<ProductSpecificationAttribute>().InsertAsync([new ProductSpecificationAttribute { ProductId = 1, SpecificationAttributeOptionId = 1 },
            new ProductSpecificationAttribute { ProductId = 1, SpecificationAttributeOptionId = 3 }]);
        await db.Table<ProductWarehouseInventory>().InsertAsync([new ProductWarehouseInventory { ProductId = 3, WarehouseId = 1, StockQuantity = 4 },
            new ProductWarehouseInventory { ProductId = 3, WarehouseId = 2, StockQuantity = 6 }]);
        await db.Table<ProductPicture>().InsertAsync(new ProductPicture { ProductId = 4, PictureId = 12 });
        await db.Table<ProductAttribute>().InsertAsync(new ProductAttribute { Name = "Размер" });
        var mapping = new ProductAttributeMapping { ProductId = 2, ProductAttributeId = 1 };
        await db.Table<ProductAttributeMapping>().InsertAsync(mapping);
        await db.Table<ProductAttributeValue>().InsertAsync([new ProductAttributeValue { ProductAttributeMappingId = 1, Name = "S" },
            new ProductAttributeValue { ProductAttributeMappingId = 1, Name = "M" }]);
        var parser = new FakeProductAttributeParser();
        await db.Table<ProductAttributeCombination>().InsertAsync([
            new ProductAttributeCombination { ProductId = 2, AttributesXml = parser.AddProductAttribute("", mapping, "1"), Sku = "SKU-2-S", StockQuantity = 2, OverriddenPrice = 150 },
            new ProductAttributeCombination { ProductId = 2, AttributesXml = parser.AddProductAttribute("", mapping, "2"), Sku = "SKU-2-M", StockQuantity = 3 }]);
    }

    private async Task<int> GetCatalogAsync(string folder)
    {
        var output = new StringWriter();
        var exit = await GetCatalogCommand.RunAsync(["--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login,
            "--password", LoopbackExchangeHost.Password, "--out", folder], output, output);
        TestContext.Out.WriteLine(output.ToString());
        return exit;
    }

    private static List<T> Read<T>(string folder) where T : CommerceMlRecord
    {
        var records = new List<T>();
        var context = new ClassifierContext();
        foreach (var file in PackageLayout.OrderFolder(folder))
        {
            using var reader = CommerceMlReader.Open(Path.Combine(folder, file), context);
            while (reader.Read())
                if (reader.Current is T record)
                    records.Add(record);
            Assert.That(reader.WarningCount, Is.Zero, string.Join("\n", reader.Warnings));
        }
        return records;
    }

    [Test]
    public async Task The_documents_are_CommerceML_our_reader_reads_with_the_store_s_counts()
    {
        Assert.That(await GetCatalogAsync(_out), Is.Zero);

        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "import00000.xml", "import00001.xml", "import00002.xml", "import00003.xml", "offers00001.xml", "offers00002.xml", "offers00003.xml",
        }), "classifier, then 5 products and their offers in pages of 2");
        using var source = PackageSource.Open(_out);
        var analysis = new PackageAnalyzer().Analyze(source);
        Assert.That(analysis.CanImport, Is.True, string.Join("\n", analysis.Errors));
        Assert.That((analysis.Groups, analysis.MaxGroupDepth, analysis.Properties, analysis.ReferenceValues), Is.EqualTo((2L, 2, 2L, 3L)), "two groups on two levels");
        Assert.That((analysis.Products, analysis.Offers, analysis.Variants), Is.EqualTo((5L, 6L, 2L)));
        Assert.That(analysis.WarningCount, Is.Zero, string.Join("\n", analysis.Warnings));

        var products = Read<CmlProduct>(_out);
        var first = products[0];
        Assert.That((first.Name, first.Sku, first.Barcode, first.Description), Is.EqualTo(("Товар 1", "SKU-1", "4600000000011", "<p>Описание 1</p>")));
        Assert.That((first.FullName, products[1].FullName), Is.EqualTo(("Коротко о товаре 1", (string?)null)), "the short description as the full name, none when empty");
        Assert.That(first.Manufacturer?.Name, Is.EqualTo("Acme"));
        Assert.That(first.PropertyValues.Select(v => (v.PropertyName, v.Values.Single().Text)), Is.EquivalentTo(new[] { ("Цвет", "Красный"), ("Материал", "Шерсть") }));
        Assert.That(products[3].Images.Single().Path, Does.StartWith("http").And.Contain("0000012"));

        var offers = Read<Offer>(_out);
        var sizeS = offers.Single(o => o.Sku == "SKU-2-S");
        Assert.That(sizeS.ProductId, Is.EqualTo(products[1].Id));
        Assert.That(sizeS.Characteristics.Select(c => (c.Name, c.Value)), Is.EqualTo(new[] { ("Размер", "S") }));
        Assert.That((sizeS.Prices.Single().PricePerUnit, sizeS.Quantity), Is.EqualTo((150m, 2m)));
        var stocked = offers.Single(o => o.Sku == "SKU-3");
        Assert.That(stocked.Stocks.Select(s => s.Quantity), Is.EqualTo(new[] { 4m, 6m }));
        Assert.That(stocked.Quantity, Is.EqualTo(10m));
    }

    [Test]
    public async Task Every_item_gets_a_1C_id_kept_in_the_mapping_table_and_a_second_export_sends_the_same_ids()
    {
        await GetCatalogAsync(_out);
        var second = Path.Combine(Scratch, "again");
        await GetCatalogAsync(second);

        Assert.That(Read<CmlProduct>(second).Select(p => p.Id), Is.EqualTo(Read<CmlProduct>(_out).Select(p => p.Id)));
        Assert.That(Read<Offer>(second).Select(o => o.Id), Is.EqualTo(Read<Offer>(_out).Select(o => o.Id)));
        var rows = _store.Db.Rows<OneCMapping>();
        Assert.That(rows.Count(r => r.EntityType == OneCEntityType.Product), Is.EqualTo(5));
        Assert.That(rows.Count(r => r.EntityType == OneCEntityType.Category), Is.EqualTo(2));
        Assert.That(rows.Count(r => r.EntityType == OneCEntityType.ProductAttributeCombination), Is.EqualTo(2));
        Assert.That(rows.Count(r => r.EntityType == OneCEntityType.SpecificationAttributeOption), Is.EqualTo(3));
        Assert.That(rows.Count(r => r.EntityType == OneCEntityType.Warehouse), Is.EqualTo(2));
    }

    [Test]
    public async Task The_catalog_sent_back_as_a_1C_package_updates_the_same_entities_and_creates_none()
    {
        await GetCatalogAsync(_out);
        var db = _store.Db;
        var before = (db.Rows<Product>().Count, db.Rows<Category>().Count, db.Rows<SpecificationAttribute>().Count,
            db.Rows<SpecificationAttributeOption>().Count, db.Rows<Manufacturer>().Count, db.Rows<ProductAttributeCombination>().Count);
        var options = new CatalogImportOptions { PriceTypeMappings = [new OneCExchange.Core.Settings.PriceTypeMapping("Розничная", OneCExchange.Core.Settings.PriceTarget.Price, null)] };
        var sessions = new CatalogSessions();
        Host.CatalogImportOverride = new CatalogFileImportFactory(_store.Store, options, sessions, Host.Time);
        Host.CompletionOverride = new CatalogCompletionService(_store.Store, options, sessions);
        db.Table<Product>().Rows.Single(p => p.Id == 1).Name = "Переименован на сайте";

        await new ReplayRunner(Http, TextWriter.Null).RunAsync(Replay(_out), CancellationToken.None);

        Assert.That((db.Rows<Product>().Count, db.Rows<Category>().Count, db.Rows<SpecificationAttribute>().Count,
            db.Rows<SpecificationAttributeOption>().Count, db.Rows<Manufacturer>().Count, db.Rows<ProductAttributeCombination>().Count),
            Is.EqualTo(before), "products, categories, properties, options, manufacturers, combinations");
        var first = db.Rows<Product>().Single(p => p.Id == 1);
        Assert.That(first.Name, Is.EqualTo("Товар 1"), "the import updated the exported product");
        Assert.That((first.ShortDescription, first.FullDescription), Is.EqualTo(("Коротко о товаре 1", "<p>Описание 1</p>")), "descriptions survive the round trip");
        Assert.That(db.Rows<ProductAttributeCombination>().Single(c => c.Sku == "SKU-2-S").StockQuantity, Is.EqualTo(2));
    }

    [Test]
    public async Task Query_before_init_fails_and_after_the_last_document_answers_finished()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("get_catalog");
        Assert.That(await Raw.GetAsync("type=get_catalog&mode=query", cookie), Does.StartWith("failure\n"));
        Assert.That(await Raw.GetAsync("type=get_catalog&mode=init", cookie), Is.EqualTo("zip=no"));
        var answers = new List<string>();
        for (var i = 0; i < 9; i++)
            answers.Add(await Raw.GetAsync("type=get_catalog&mode=query", cookie));

        Assert.That(answers.Take(7), Has.All.StartWith("<?xml"));
        Assert.That(answers.Skip(7), Has.All.EqualTo("finished=yes"));
        Assert.That(await Raw.GetAsync("type=get_catalog&mode=file", cookie), Does.StartWith("failure\n"), "get_catalog has no uploads");
    }

    [Test]
    public async Task Without_a_catalog_source_get_catalog_fails()
    {
        Host.CatalogExport = null;
        var (cookie, _, _) = await Raw.CheckAuthAsync("get_catalog");
        await Raw.GetAsync("type=get_catalog&mode=init", cookie);

        Assert.That(await Raw.GetAsync("type=get_catalog&mode=query", cookie), Does.StartWith("failure\n"));
    }
}
