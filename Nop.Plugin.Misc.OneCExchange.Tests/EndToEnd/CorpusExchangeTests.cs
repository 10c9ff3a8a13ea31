using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.Protocol;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.EndToEnd;

/// <summary>
/// Every catalog package of the shared corpus replayed by the `onec replay` emulator over real HTTP to the loopback
/// host running Core's real catalog pipeline into the in-memory store: the exchange ends in success and the store
/// holds the categories, products, variants, prices and stock that XDocument finds in the same files.
/// </summary>
public class CorpusExchangeTests : LoopbackTestBase
{
    private const long FileLimit = 64 * 1024;

    [TestCaseSource(typeof(CorpusPackages), nameof(CorpusPackages.Cases))]
    public async Task Chunked_replay_lands_the_package_and_a_second_replay_creates_nothing(string packageName)
    {
        var (folder, expected) = Prepare(packageName);
        var pipeline = LoopbackCatalogPipeline.On(Host);

        var first = await ReplayAsync(folder);

        Assert.That(first.Imports.Where(e => e.Outcome == ExchangeOutcome.Success).Select(e => e.FileName),
            Is.EquivalentTo(CatalogPackage.FromFolder(folder).ImportOrder.Select(f => f.RemoteName)), "every file imported");
        Assert.That(Host.Log.Entries.Where(e => e.Mode == "file").Max(e => e.BytesReceived), Is.LessThanOrEqualTo(FileLimit));
        CorpusCatalogExpectations.AssertLanded(pipeline.Store, expected, first.Imports.Select(e => e.Counters!));
        var counts = Counts(pipeline);

        var second = await ReplayAsync(folder);

        Assert.That(second.Total.Created, Is.Zero, "nothing is created again");
        Assert.That(Counts(pipeline), Is.EqualTo(counts));
        CorpusCatalogExpectations.AssertLanded(pipeline.Store, expected, second.Imports.Select(e => e.Counters!));
        if (!ListsAProductTwice(folder))
            Assert.That(second.Total.Updated, Is.Zero, "an unchanged package writes nothing");
        Assert.That(second.Total.Skipped, Is.GreaterThan(0), "the items are confirmed unchanged");
        TestContext.Out.WriteLine($"{packageName}: first {first.Total}; second {second.Total}; store {counts}");
    }

    [TestCaseSource(typeof(CorpusPackages), nameof(CorpusPackages.Cases))]
    public async Task Zip_replay_lands_the_package(string packageName)
    {
        var (folder, expected) = Prepare(packageName);
        Host.Options = Host.Options with { UseZip = true };
        var pipeline = LoopbackCatalogPipeline.On(Host);

        var run = await ReplayAsync(folder);

        Assert.That(Host.Log.Entries.Where(e => e.Mode == "file").Select(e => e.FileName).Distinct(), Is.EqualTo(new[] { "package.zip" }),
            "one zip, not one upload per file");
        CorpusCatalogExpectations.AssertLanded(pipeline.Store, expected, run.Imports.Select(e => e.Counters!));
    }

    private (string Folder, CorpusCatalogExpectations.Expected Expected) Prepare(string packageName)
    {
        var corpus = TestPaths.CorpusOrSkip("catalog");
        if (packageName == CorpusFiles.Absent)
            Assert.Ignore("The shared corpus is absent.");
        var folder = Path.Combine(Scratch, "package");
        var files = CorpusPackages.Build(corpus, packageName, folder);
        return (folder, CorpusCatalogExpectations.Of(files.Values.Select(XDocument.Load).ToList()));
    }

    private sealed record Run(List<ExchangeLogEntry> Imports, ImportCounters Total);

    /// <summary>One catalog exchange by the emulator; what the host logged for its import steps, added up.</summary>
    private async Task<Run> ReplayAsync(string folder)
    {
        var logged = Host.Log.Entries.Count;
        var output = new StringWriter();
        await new ReplayRunner(Http, output).RunAsync(Replay(folder) with { FileLimit = FileLimit }, CancellationToken.None);
        Assert.That(output.ToString(), Does.Contain("complete: "), output.ToString());

        var entries = Host.Log.Entries.Skip(logged).ToList();
        Assert.That(entries.Where(e => e.Outcome == ExchangeOutcome.Failure), Is.Empty, "no request failed");
        var imports = entries.Where(e => e.Mode == "import" && e.Counters != null).ToList();
        var total = new ImportCounters();
        foreach (var step in imports.Select(e => e.Counters!))
        {
            total.Created += step.Created;
            total.Updated += step.Updated;
            total.Skipped += step.Skipped;
            total.Unpublished += step.Unpublished;
            total.Failed += step.Failed;
        }
        return new Run(imports, total);
    }

    private static string Counts(LoopbackCatalogPipeline pipeline)
    {
        var s = pipeline.Store;
        return $"{s.Categories.Count} categories, {s.Products.Count} products ({s.Products.Values.Count(p => p.Published)} published), " +
               $"{s.Combinations.Count} combinations ({s.Combinations.Values.Count(c => c.Available)} available), {s.SpecificationOptions.Count} options, {s.Manufacturers.Count} manufacturers, " +
               $"{s.Pictures.Count} pictures, {s.Slugs.Count} slugs, {s.Mappings.Count} mapping rows";
    }

    /// <summary>A catalog that lists a product once per characteristic (different barcodes) rewrites it on every import.</summary>
    private static bool ListsAProductTwice(string folder) =>
        Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Select(XDocument.Load)
            .SelectMany(d => CorpusCatalogExpectations.Named(d, "Товар").Where(t => t.Parent?.Parent?.Name.LocalName == "Каталог"))
            .GroupBy(t => t.Elements().First(e => e.Name.LocalName == "Ид").Value.Trim().Split('#')[0])
            .Any(g => g.Count() > 1);
}
