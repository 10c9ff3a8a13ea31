using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.Plugin.Exchange;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Manual;

/// <summary>
/// The manual exchange as the admin page drives it: upload, dry run steps, import steps, over the plugin's own session,
/// checkpoint and log tables; where an import stands is read back from them, so it resumes after a restart.
/// </summary>
public class ManualExchangeServiceTests
{
    private string _root = null!;
    private InMemoryCatalogStore _store = null!;
    private InMemoryRepository<OneCExchangeSession> _sessions = null!;
    private InMemoryRepository<OneCFileCheckpoint> _checkpoints = null!;
    private InMemoryRepository<OneCExchangeLogRecord> _records = null!;
    private InMemoryRepository<OneCExchangeLogEntry> _entries = null!;
    private DryRunRegistry _dryRuns = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Directory.CreateTempSubdirectory("onec-manual-").FullName;
        _store = new InMemoryCatalogStore();
        _sessions = new InMemoryRepository<OneCExchangeSession>();
        _checkpoints = new InMemoryRepository<OneCFileCheckpoint>();
        _records = new InMemoryRepository<OneCExchangeLogRecord>();
        _entries = new InMemoryRepository<OneCExchangeLogEntry>();
        _dryRuns = new DryRunRegistry();
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    /// <summary>A fresh service as after a store restart: new process memory (runtime, session states), same tables and files.</summary>
    private ManualExchangeService Service()
    {
        var sessions = new CatalogSessions();
        var options = new CatalogImportOptions();
        var handlers = new ExchangeHandlers(new CatalogFileImportFactory(_store, options, sessions), null!,
            new CatalogCompletionService(_store, options, sessions), null!);
        var http = new HttpContextAccessor
        {
            HttpContext = new DefaultHttpContext
            {
                RequestServices = new ServiceCollection().AddSingleton<ICatalogStore>(_store).BuildServiceProvider(),
            },
        };
        var localization = new FakeLocalizationService();
        var stepper = new DryRunStepper(new FixedOptions(options), new RequestScopedCatalogStore(http), _dryRuns, localization, new ExchangeMessageLocalizer(localization), TimeProvider.System);
        return new ManualExchangeService(new OneCExchangeSettings(), new ExchangeStateStore(_sessions, _checkpoints, new InMemoryRepository<OneCRequestGuard>(), new InMemoryRepository<OneCLoginFailure>(),
            new ConventionNamedUpdater(new FakeDataProvider(), new FakeEventPublisher())),
            new ExchangeLogService(_records, _entries, new ConventionNamedUpdater(new FakeDataProvider(), new FakeEventPublisher())), handlers, new ExchangeRuntime(), new FolderFileProvider(_root), localization,
            _sessions, _checkpoints, stepper);
    }

    private static List<ManualUpload> DemoFolderUpload()
    {
        var folder = Path.Combine(TestPaths.Samples, "demo-package");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => new ManualUpload("demo-package/" + Path.GetRelativePath(folder, f).Replace('\\', '/'), File.OpenRead(f)))
            .ToList();
    }

    [Test]
    public async Task A_package_is_uploaded_dry_run_without_writing_then_imported_step_by_step_into_the_history()
    {
        var uploads = DemoFolderUpload();
        var names = PackageFolder.PackagePaths(uploads.Select(u => u.FileName).ToList());
        var start = await Service().StartAsync(uploads.Select((u, i) => u with { FileName = names[i] }).ToList(), "admin: a@b.c");
        uploads.ForEach(u => u.Content.Dispose());
        Assert.That(start.Error, Is.Null);
        var session = (await Service().GetSessionAsync(start.SessionId!))!;
        Assert.That((await Service().GetFilesAsync(session)).Select(f => (f.RelativePath, f.Status)),
            Is.EqualTo(new[] { ("import.xml", "Waiting"), ("offers.xml", "Waiting") }));
        using (var original = OneCExchange.Core.CommerceMl.Analysis.PackageSource.Open(Path.Combine(TestPaths.Samples, "demo-package")))
            Assert.That(Service().GetAnalysis(session)!.ImagesFound,
                Is.EqualTo(new OneCExchange.Core.CommerceMl.Analysis.PackageAnalyzer().Analyze(original).ImagesFound).And.GreaterThan(0),
                "the pictures kept their folders");

        ManualStepResult dry;
        var steps = 0;
        do
            dry = await Service().DryRunStepAsync(session.SessionId);
        while (!dry.Done && ++steps < 50);
        Assert.That(dry.Failed, Is.False);
        Assert.That(_store.Mappings, Is.Empty, "the dry run wrote nothing");
        var report = Service().GetDryRunReport(session)!;
        Assert.That(report.Kinds.Single(k => k.Kind == CatalogEntityKind.Product).Created, Is.EqualTo(5));

        // Checking again (e.g. after a mapping was picked) forgets the report and runs the dry run anew.
        await Service().RestartDryRunAsync(session.SessionId);
        Assert.That(Service().GetDryRunReport(session), Is.Null);
        steps = 0;
        do
            dry = await Service().DryRunStepAsync(session.SessionId);
        while (!dry.Done && ++steps < 50);
        Assert.That(Service().GetDryRunReport(session)!.Kinds.Single(k => k.Kind == CatalogEntityKind.Product).Created, Is.EqualTo(5));

        // The first step imports import.xml; then the store "restarts" (a fresh service) and the import goes on.
        var first = await Service().ImportStepAsync(session.SessionId);
        Assert.That((first.Done, first.Failed, first.Percent), Is.EqualTo((false, false, 50)));
        ManualStepResult step;
        steps = 0;
        do
            step = await Service().ImportStepAsync(session.SessionId);
        while (!step.Done && !step.Failed && ++steps < 50);

        Assert.That((step.Done, step.Failed, step.Percent), Is.EqualTo((true, false, 100)), step.Message);
        Assert.That(_store.Products, Has.Count.EqualTo(5));
        Assert.That(_sessions.Rows.Single().Completed, Is.True);
        Assert.That(_records.Rows.Single().RemoteAddress, Is.EqualTo("admin: a@b.c"));
        Assert.That(_entries.Rows.Select(e => e.Mode).Distinct(), Is.EquivalentTo(new[] { "file", "import", "complete" }));
        Assert.That(Service().KeptFiles(session), Does.Contain("import.xml").And.Contain("import_files/7f/7f26144b98284fcd99a54a7bb1fee08f_1.png"));
    }

    [Test]
    public async Task An_upload_without_XML_is_refused_with_a_message()
    {
        var start = await Service().StartAsync([new ManualUpload("readme.txt", new MemoryStream("x"u8.ToArray()))], "admin");

        Assert.That(start.Error, Is.EqualTo("Plugins.Misc.OneCExchange.Manual.NoXml"));
        Assert.That(_store.Mappings, Is.Empty);
    }

    [Test]
    public async Task A_kept_file_is_run_again_as_a_new_manual_exchange_and_unsafe_names_are_refused()
    {
        var uploads = DemoFolderUpload();
        var names = PackageFolder.PackagePaths(uploads.Select(u => u.FileName).ToList());
        var start = await Service().StartAsync(uploads.Select((u, i) => u with { FileName = names[i] }).ToList(), "admin");
        uploads.ForEach(u => u.Content.Dispose());
        var session = (await Service().GetSessionAsync(start.SessionId!))!;
        await Service().CompleteForTestAsync(session.SessionId);

        var rerun = await Service().RerunAsync(session.SessionId, "offers.xml", "admin");
        var again = (await Service().GetSessionAsync(rerun.SessionId!))!;

        Assert.That(rerun.Error, Is.Null);
        Assert.That(Service().KeptFiles(again), Does.Contain("offers.xml").And.Not.Contain("import.xml"));
        Assert.That(Service().KeptFilePath(session, "../../etc/passwd"), Is.Null);
        Assert.That(Service().KeptFilePath(session, PackageFolder.AnalysisFile), Is.Null);
    }

    private sealed class FixedOptions(CatalogImportOptions options) : ICatalogImportOptionsFactory
    {
        public Task<CatalogImportOptions> CreateAsync() => Task.FromResult(options);
    }
}

internal static class ManualExchangeServiceTestExtensions
{
    /// <summary>Imports the session to its end (a rerun needs the earlier session's lock released).</summary>
    public static async Task CompleteForTestAsync(this ManualExchangeService service, string sessionId)
    {
        for (var i = 0; i < 50 && !(await service.ImportStepAsync(sessionId)).Done; i++)
        {
        }
    }
}
