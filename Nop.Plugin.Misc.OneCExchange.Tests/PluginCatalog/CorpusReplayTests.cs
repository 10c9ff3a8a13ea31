using System.Xml.Linq;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using PackageLayout = OneCExchange.Core.CommerceMl.PackageLayout;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.PluginCatalog.Fakes;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>
/// Every corpus package run through the whole catalog pipeline into the nopCommerce store (over fakes of its
/// repositories) lands as in the pipeline's reference store, whose content the catalog tests check against the XML;
/// the entity counts are also checked here against the XML directly.
/// </summary>
public class CorpusReplayTests
{
    private const string Folder = "catalog";

    [TestCaseSource(typeof(CatalogCorpusTests), nameof(CatalogCorpusTests.Packages))]
    public async Task Package_lands_in_nopCommerce_entities_as_in_the_reference_store(string package)
    {
        var folder = TestPaths.CorpusOrSkip(Folder);
        if (package == CorpusFiles.Absent)
            Assert.Ignore("The shared corpus is absent.");
        var files = ImportOrder(folder, package);
        Assert.That(files, Is.Not.Empty);

        var nop = new StoreHarness();
        var reference = new InMemoryCatalogStore();
        await ImportAsync(nop.Store, folder, files);
        await ImportAsync(reference, folder, files);

        var docs = files.Select(f => XDocument.Load(Path.Combine(folder, f))).ToList();
        var groups = docs.SelectMany(d => Named(d, "Группа")).Where(g => !IsDeleted(g)).Select(Id).ToHashSet();
        var products = docs.SelectMany(d => Named(d, "Товар")).Where(t => t.Parent?.Parent?.Name.LocalName == "Каталог" && !IsDeleted(t))
            .Select(t => Id(t).Split('#')[0]).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(nop.Db.Rows<Category>(), Has.Count.EqualTo(groups.Count), "categories = groups");
            Assert.That(nop.Db.Rows<Product>(), Has.Count.EqualTo(products.Count), "products = catalog products");
            Assert.That(nop.Db.Rows<ProductAttributeCombination>(), Has.Count.EqualTo(reference.Combinations.Count), "combinations");
            Assert.That(nop.Db.Rows<Category>().Select(c => c.Name), Is.EquivalentTo(reference.Categories.Values.Select(c => c.Name)));
            var slugs = nop.Db.Rows<Nop.Core.Domain.Seo.UrlRecord>();
            Assert.That(slugs.Select(u => u.Slug.ToLowerInvariant()), Is.Unique, "slugs are unique");
            Assert.That(slugs.Select(u => u.Slug), Has.All.Match("^[a-z0-9]+(-[a-z0-9]+)*$"), "slugs are transliterated Latin");
            Assert.That(slugs.Count(u => u.EntityName == "Product"), Is.EqualTo(products.Count), "one slug per product");
            foreach (var (key, id) in Mapped(nop, CatalogEntityKind.Product))
            {
                var expected = reference.ProductOf(key);
                var actual = nop.Row<Product>(id);
                Assert.That((actual.Name, actual.Price, actual.OldPrice, actual.StockQuantity, actual.Published, actual.Sku),
                    Is.EqualTo((expected.Name, expected.Price, expected.OldPrice, expected.StockQuantity, expected.Published, expected.Sku)),
                    $"product {key}");
                Assert.That(nop.Db.Rows<ProductSpecificationAttribute>().Count(s => s.ProductId == id),
                    Is.EqualTo(expected.Specifications.Count), $"specifications of {key}");
            }
            foreach (var (key, id) in Mapped(nop, CatalogEntityKind.Variant))
            {
                var expected = reference.CombinationOf(key);
                var actual = nop.Row<ProductAttributeCombination>(id);
                Assert.That((actual.StockQuantity, actual.OverriddenPrice), Is.EqualTo((expected.StockQuantity, expected.OverriddenPrice)), $"variant {key}");
            }
        });
        TestContext.Out.WriteLine($"{package}: {nop.Db.Rows<Category>().Count} categories, {nop.Db.Rows<Product>().Count} products, " +
            $"{nop.Db.Rows<ProductAttributeCombination>().Count} combinations, {nop.Db.Rows<ProductSpecificationAttribute>().Count} specification values");
    }

    [TestCaseSource(typeof(CatalogCorpusTests), nameof(CatalogCorpusTests.Packages))]
    public async Task Package_imported_again_leaves_the_same_store(string package)
    {
        var folder = TestPaths.CorpusOrSkip(Folder);
        if (package == CorpusFiles.Absent)
            Assert.Ignore("The shared corpus is absent.");
        var files = ImportOrder(folder, package);
        var nop = new StoreHarness();
        await ImportAsync(nop.Store, folder, files, "first");
        var before = Snapshot(nop);
        nop.Db.ResetCounters();

        await ImportAsync(nop.Store, folder, files, "second");

        Assert.That(Snapshot(nop), Is.EqualTo(before));
        // A package that lists a product once per characteristic in its catalog (with different barcodes) makes the
        // pipeline rewrite that product several times per import; any other package re-imports without a write.
        var docs = files.Select(f => XDocument.Load(Path.Combine(folder, f))).ToList();
        var listedTwice = docs.SelectMany(d => Named(d, "Товар")).Where(t => t.Parent?.Parent?.Name.LocalName == "Каталог")
            .GroupBy(t => Id(t).Split('#')[0]).Any(g => g.Count() > 1);
        if (listedTwice)
            return;
        var writes = nop.Db.RoundTripsByOperation.Keys.Where(k => !k.EndsWith(".GetAllAsync") && !k.StartsWith("OneCMapping.")).ToList();
        Assert.That(writes, Is.Empty, "nothing but the mapping table's last-seen session is written");
        Assert.That(nop.Db.EntityEvents, Is.Empty);
    }

    /// <summary>Every catalog table as text (UpdatedOnUtc left out), in id order.</summary>
    private static string Snapshot(StoreHarness h) => string.Join("\n", new[]
    {
        Dump(h.Db.Rows<Category>()), Dump(h.Db.Rows<Product>()), Dump(h.Db.Rows<Manufacturer>()), Dump(h.Db.Rows<ProductCategory>()),
        Dump(h.Db.Rows<ProductManufacturer>()), Dump(h.Db.Rows<SpecificationAttribute>()), Dump(h.Db.Rows<SpecificationAttributeOption>()),
        Dump(h.Db.Rows<ProductSpecificationAttribute>()), Dump(h.Db.Rows<ProductAttribute>()), Dump(h.Db.Rows<ProductAttributeMapping>()),
        Dump(h.Db.Rows<ProductAttributeValue>()), Dump(h.Db.Rows<ProductAttributeCombination>()), Dump(h.Db.Rows<Nop.Core.Domain.Catalog.TierPrice>()),
        Dump(h.Db.Rows<ProductWarehouseInventory>()), Dump(h.Db.Rows<Nop.Core.Domain.Seo.UrlRecord>()),
        Dump(h.Db.Rows<Nop.Core.Domain.Catalog.ProductPicture>())
    });

    private static string Dump<T>(IEnumerable<T> rows) => string.Join("\n", rows.Select(r => typeof(T).Name + ":" +
        string.Join(",", typeof(T).GetProperties().Where(p => p.Name != "UpdatedOnUtc").Select(p => $"{p.Name}={p.GetValue(r)}"))));

    private static async Task ImportAsync(ICatalogStore store, string folder, List<string> files, string session = "corpus")
    {
        var factory = new CatalogFileImportFactory(store, new CatalogImportOptions(), new CatalogSessions());
        foreach (var file in files)
        {
            using var import = factory.Open(new FileImportRequest(session, ExchangeType.Catalog, folder, file, 0));
            Assert.That(await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), default), Is.True, file);
        }
    }

    private static IEnumerable<(string Key, int Id)> Mapped(StoreHarness h, CatalogEntityKind kind) =>
        h.Db.Rows<OneCMapping>().Where(m => m.EntityTypeId == CatalogMappingTypes.IdOf(kind)).Select(m => (m.OneCId, m.EntityId));

    /// <summary>Definitions first, then catalogs, then offers; within a rank the package layout order.</summary>
    private static List<string> ImportOrder(string folder, string package) =>
        Directory.EnumerateFiles(folder, package + "__*.xml").Select(f => Path.GetFileName(f))
            .Where(f => PackageOf(f) == package)
            .OrderBy(f => Rank(XDocument.Load(Path.Combine(folder, f))))
            .ThenBy(f => System.Text.RegularExpressions.Regex.Replace(f[(package.Length + 2)..], @"^(goods|properties)_(\d+)_", "$1/$2/"),
                PackageLayout.Comparer)
            .ToList();

    /// <summary>"owner__repo[__package]__file.xml" → the prefix shared by the files of one package.</summary>
    private static string PackageOf(string fileName)
    {
        var parts = fileName.Replace("___", "\u0001").Split("__");
        return string.Join("__", parts.Take(parts.Length > 3 ? 3 : 2));
    }

    private static int Rank(XDocument doc) => Named(doc, "Товар").Any() ? 1 : Named(doc, "Предложение").Any() ? 2 : 0;

    private static bool IsDeleted(XElement e) =>
        e.Attribute("Статус")?.Value == "Удален" || Child(e, "ПометкаУдаления")?.Trim().ToLowerInvariant() is "true" or "истина";

    private static string Id(XElement e) => Child(e, "Ид")!.Trim();

    private static string? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value;

    private static IEnumerable<XElement> Named(XDocument doc, string name) => doc.Descendants().Where(e => e.Name.LocalName == name);
}
