using System.IO.Compression;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;
using OneCExchange.Synthetic;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.Protocol.Fakes;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Manual;

/// <summary>
/// The manual exchange's Core part: an administrator's package goes through the same session, staging, step-wise
/// import, completion and log as 1C's; and the dry run's store, which answers lookups and writes nothing.
/// </summary>
public class AdminExchangeTests
{
    private string _root = null!;
    private InMemoryCatalogStore _store = null!;
    private CatalogSessions _sessions = null!;
    private InMemoryExchangeStateStore _state = null!;
    private RecordingExchangeLog _log = null!;
    private AdminExchange _exchange = null!;

    private static string DemoPackage => Path.Combine(TestPaths.Samples, "demo-package");

    [SetUp]
    public void SetUp()
    {
        _root = Directory.CreateTempSubdirectory("onec-admin-").FullName;
        _store = new InMemoryCatalogStore();
        _sessions = new CatalogSessions();
        _state = new InMemoryExchangeStateStore();
        _log = new RecordingExchangeLog();
        var options = new CatalogImportOptions();
        var handlers = new ExchangeHandlers(new CatalogFileImportFactory(_store, options, _sessions), null!,
            new CatalogCompletionService(_store, options, _sessions), null!);
        _exchange = new AdminExchange(new ExchangeOptions { StagingRoot = Path.Combine(_root, "staging") }, _state, _log, handlers,
            new ExchangeRuntime());
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task An_uploaded_zip_is_unpacked_imported_step_by_step_completed_and_logged_like_an_exchange_with_1C()
    {
        var session = await _exchange.StartAsync("admin: a@b.c", CancellationToken.None);
        Assert.That(session, Is.Not.Null);
        await using (var zip = File.OpenRead(DemoZip()))
            Assert.That((await _exchange.UploadAsync(session!, "demo.zip", zip, CancellationToken.None)).Outcome, Is.EqualTo(ExchangeOutcome.Success));

        var files = PackageFolder.XmlFiles(session!.StagingFolder);
        Assert.That(files, Is.EqualTo(new[] { "import.xml", "offers.xml" }), "unpacked at upload, in import order");
        foreach (var file in files)
        {
            AdminAnswer answer;
            var steps = 0;
            do
                answer = await _exchange.ImportAsync(session, file, CancellationToken.None);
            while (answer.Outcome == ExchangeOutcome.Progress && ++steps < 100);
            Assert.That(answer.Outcome, Is.EqualTo(ExchangeOutcome.Success), answer.Message);
        }
        var done = await _exchange.CompleteAsync(session, CancellationToken.None);

        Assert.That(done.Outcome, Is.EqualTo(ExchangeOutcome.Success));
        Assert.That(_store.Products, Has.Count.EqualTo(5));
        Assert.That(_state.Sessions.Single().Completed, Is.True);
        Assert.That(_state.Checkpoints.Select(c => (c.RelativePath, c.Status)),
            Is.EquivalentTo(new[] { ("import.xml", FileImportStatus.Done), ("offers.xml", FileImportStatus.Done) }));
        var modes = _log.Entries.Select(e => e.Mode).ToList();
        Assert.That(modes.First(), Is.EqualTo("file"));
        Assert.That(modes.Last(), Is.EqualTo("complete"));
        Assert.That(_log.Entries.All(e => e.SessionId == session.Id && e.RemoteAddress == "admin: a@b.c"), Is.True);
    }

    [Test]
    public async Task A_new_manual_exchange_supersedes_the_open_catalog_session_as_a_checkauth_does()
    {
        var first = await _exchange.StartAsync("admin: a@b.c", CancellationToken.None);
        var second = await _exchange.StartAsync("admin: a@b.c", CancellationToken.None);

        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
        Assert.That(_state.Sessions.Single(s => s.Id == first.Id).Superseded, Is.True);
        Assert.That(_state.Sessions.Single(s => s.Id == second.Id).Superseded, Is.False);
    }

    [Test]
    public async Task A_broken_zip_is_a_failure_answer_and_leaves_no_files()
    {
        var session = await _exchange.StartAsync("admin", CancellationToken.None);

        var answer = await _exchange.UploadAsync(session!, "broken.zip", new MemoryStream("not a zip"u8.ToArray()), CancellationToken.None);

        Assert.That(answer.Outcome, Is.EqualTo(ExchangeOutcome.Failure));
        Assert.That(answer.Message, Does.Contain("broken.zip"));
        Assert.That(PackageFolder.XmlFiles(session!.StagingFolder), Is.Empty);
        Assert.That(_state.Sessions.Single().HadFailure, Is.True);
    }

    [Test]
    public async Task A_dry_run_writes_nothing_and_counts_what_the_import_would_create_then_what_it_would_leave_unchanged()
    {
        var before = await DryRunAsync("dry-1");
        Assert.That(_store.Mappings, Is.Empty, "a dry run writes nothing");
        Assert.That(before.Single(k => k.Kind == CatalogEntityKind.Product).Created, Is.EqualTo(5));
        Assert.That(before.Single(k => k.Kind == CatalogEntityKind.Category).Created, Is.GreaterThan(0));
        var prices = before.Single(k => k.Kind == CatalogEntityKind.OfferPrices);
        // 9 offers, and the 2 products with variants get their lowest variant price as their own
        Assert.That((prices.Created, prices.Updated), Is.EqualTo((11, 0)), "new price rows are created even though they name an existing target");
        Assert.That(before.Single(k => k.Kind == CatalogEntityKind.Picture).Created, Is.GreaterThan(0));

        await ImportDemoAsync("real");
        var after = await DryRunAsync("dry-2");

        var products = after.Single(k => k.Kind == CatalogEntityKind.Product);
        Assert.That((products.Created, products.Updated, products.Unchanged), Is.EqualTo((0, 0, 5)));
        var pricesAfter = after.Single(k => k.Kind == CatalogEntityKind.OfferPrices);
        Assert.That((pricesAfter.Created, pricesAfter.Updated, pricesAfter.Unchanged), Is.EqualTo((0, 0, 9)), "the products' own prices are derived only when a variant price changes");
    }

    [Test]
    public async Task A_dry_run_of_a_full_package_counts_the_store_items_the_package_no_longer_carries()
    {
        await ImportDemoAsync("real");
        var folder = Directory.CreateDirectory(Path.Combine(_root, "smaller")).FullName;
        var import = File.ReadAllText(Path.Combine(DemoPackage, "import.xml"));
        var firstProduct = import.IndexOf("<Товар>", StringComparison.Ordinal);
        var secondProduct = import.IndexOf("<Товар>", firstProduct + 1, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "import.xml"), import.Remove(firstProduct, secondProduct - firstProduct));

        var counts = await DryRunAsync("dry-3", folder, [CatalogEntityKind.Product]);

        Assert.That(counts.Single(k => k.Kind == CatalogEntityKind.Product).Missing, Is.EqualTo(1));
    }

    private async Task<IReadOnlyList<DryRunKindCounts>> DryRunAsync(string sessionId, string? folder = null,
        IReadOnlyCollection<CatalogEntityKind>? missingKinds = null)
    {
        folder ??= DemoPackage;
        var tally = new DryRunTally();
        var factory = new CatalogFileImportFactory(new DryRunCatalogStore(_store, tally), new CatalogImportOptions(), new CatalogSessions());
        foreach (var file in PackageLayout.OrderFolder(folder))
        {
            using var import = factory.Open(new FileImportRequest(sessionId, ExchangeType.Catalog, folder, file, 0));
            Assert.That(await import.RunAsync(DateTimeOffset.MaxValue, CancellationToken.None), Is.True);
        }
        return tally.Counts(missingKinds ?? []);
    }

    private async Task ImportDemoAsync(string sessionId)
    {
        var factory = new CatalogFileImportFactory(_store, new CatalogImportOptions(), _sessions);
        foreach (var file in PackageLayout.OrderFolder(DemoPackage))
        {
            using var import = factory.Open(new FileImportRequest(sessionId, ExchangeType.Catalog, DemoPackage, file, 0));
            await import.RunAsync(DateTimeOffset.MaxValue, CancellationToken.None);
        }
    }

    private string DemoZip()
    {
        var path = Path.Combine(_root, "demo.zip");
        ZipFile.CreateFromDirectory(DemoPackage, path);
        return path;
    }
}
