using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Catalog;

/// <summary>
/// Every package of the corpus (files grouped by their source prefix) imported into the fake store with default
/// settings; what the store holds is compared with what XDocument finds in the same files.
/// </summary>
public sealed class CatalogCorpusTests
{
    private const string Folder = "catalog";

    public static IEnumerable<string> Packages()
    {
        var files = CorpusFiles.In(Folder).ToList();
        if (files.Count == 1 && files[0] == CorpusFiles.Absent)
            return files;
        return files.Select(PackageOf).Distinct().Order(StringComparer.Ordinal);
    }

    /// <summary>"owner__repo[__package]__file.xml" → the prefix shared by the files of one package.</summary>
    public static string PackageOf(string fileName)
    {
        var parts = fileName.Replace("___", "\u0001").Split("__");
        return string.Join("__", parts.Take(parts.Length > 3 ? 3 : 2));
    }

    /// <summary>Definitions first, then catalogs, then offers; within a rank the package layout order.</summary>
    private static List<string> ImportOrder(string folder, string package)
    {
        var files = Directory.EnumerateFiles(folder, package + "__*.xml").Select(Path.GetFileName).Select(f => f!)
            .Where(f => PackageOf(f) == package).ToList();
        return files
            .OrderBy(f => Rank(XDocument.Load(Path.Combine(folder, f))))
            .ThenBy(f => LayoutPath(f[(package.Length + 2)..]), PackageLayout.Comparer)
            .ToList();

        static int Rank(XDocument doc) => CorpusCatalogExpectations.Named(doc, "Товар").Any() ? 1 : CorpusCatalogExpectations.Named(doc, "Предложение").Any() ? 2 : 0;
        static string LayoutPath(string name) =>
            System.Text.RegularExpressions.Regex.Replace(name, @"^(goods|properties)_(\d+)_", "$1/$2/");
    }

    [TestCaseSource(nameof(Packages))]
    public async Task Package_lands_as_the_files_say(string package)
    {
        var folder = TestPaths.CorpusOrSkip(Folder);
        if (package == CorpusFiles.Absent)
            Assert.Ignore("The shared corpus is absent.");
        var files = ImportOrder(folder, package);
        var docs = files.Select(f => XDocument.Load(Path.Combine(folder, f))).ToList();

        var store = new InMemoryCatalogStore();
        var factory = new CatalogFileImportFactory(store, new CatalogImportOptions(), new CatalogSessions());
        var steps = new List<ImportCounters>();
        foreach (var file in files)
        {
            using var import = factory.Open(new FileImportRequest("corpus", ExchangeType.Catalog, folder, file, 0));
            Assert.That(await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), default), Is.True);
            steps.Add(import.Counters);
        }

        var expected = CorpusCatalogExpectations.Of(docs);
        CorpusCatalogExpectations.AssertLanded(store, expected, steps);
        TestContext.Out.WriteLine($"{package}: {string.Join(", ", files)} → {store.Categories.Count} categories, " +
                                  $"{store.Products.Count} products, {store.Combinations.Count} combinations, " +
                                  $"{expected.Prices.Count} prices and {expected.Stocks.Count} stocks checked");
    }
}
