using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Factories;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using Nop.Services.Helpers;
using OneCExchange.Core.CommerceMl.Analysis;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Manual;

/// <summary>The manual exchange page's model: what the package holds, the dry run per kind, the files' progress, the answers.</summary>
public class ManualExchangeModelFactoryTests
{
    private const string SessionId = "0123456789abcdef0123456789abcdef";

    [Test]
    public async Task The_page_shows_the_package_the_dry_run_the_files_and_its_history_record()
    {
        var folder = Directory.CreateTempSubdirectory("onec-model-").FullName;
        try
        {
            File.Copy(Path.Combine(Support.TestPaths.Samples, "demo-package", "import.xml"), Path.Combine(folder, "import.xml"));
            PackageFolder.Analyze(folder);
            PackageFolder.SaveDryRun(folder, new DryRunReport
            {
                Kinds = [new DryRunKindCounts(OneCExchange.Core.Catalog.CatalogEntityKind.Product, 5, 1, 2, 0, 3)],
                UnknownPriceTypes = [new("p1", "Опт")],
                Problems = ["import.xml(12,3): odd"],
                FullPackage = true,
            });
            var records = new InMemoryRepository<OneCExchangeLogRecord>();
            await records.InsertAsync(new OneCExchangeLogRecord { SessionId = SessionId });
            var entries = new InMemoryRepository<OneCExchangeLogEntry>();
            await entries.InsertAsync(new OneCExchangeLogEntry { SessionId = SessionId, Mode = "import", FileName = "import.xml", OutcomeId = 0, Message = "done", StartedOnUtc = new DateTime(2026, 12, 6, 10, 0, 0) });
            var service = new FixedSessionService(new OneCExchangeSession { SessionId = SessionId, StagingFolder = folder, RemoteAddress = "admin: a@b.c", CreatedOnUtc = new DateTime(2026, 12, 6, 9, 0, 0) });
            var factory = new ManualExchangeModelFactory(new UtcDateTimeHelper(), new FakeLocalizationService(), service, entries, records);

            var model = (await factory.PrepareManualExchangeSessionModelAsync(SessionId))!;
            var answers = await factory.PrepareAnswersTextAsync(SessionId);

            Assert.That(model.HistoryRecordId, Is.EqualTo(records.Rows.Single().Id));
            Assert.That(model.StartedBy, Is.EqualTo("admin: a@b.c"));
            Assert.That(model.Contents.Single(c => c.Name == "Plugins.Misc.OneCExchange.Manual.Contents.Products").Count, Is.GreaterThan(0));
            Assert.That(model.Files.Single().Path, Is.EqualTo("import.xml"));
            Assert.That(model.Files.Single().Status, Is.EqualTo("Plugins.Misc.OneCExchange.Manual.FileStatus.Waiting"));
            Assert.That(model.DryRunDone, Is.True);
            Assert.That(model.DryRunKinds.Single(), Is.EqualTo(new Nop.Plugin.Misc.OneCExchange.Models.ManualKindCountsModel(
                "Plugins.Misc.OneCExchange.Manual.Kind.Product", 5, 1, 2, 0, 3)));
            Assert.That(model.UnknownPriceTypes, Is.EqualTo(new[] { "Опт (p1)" }));
            Assert.That(model.DryRunProblems, Is.EqualTo(new[] { "import.xml(12,3): odd" }));
            Assert.That(answers, Is.EqualTo("2026-12-06 10:00:00 UTC\tmode=import&filename=import.xml\nsuccess\ndone\n\n"));
            Assert.That(await factory.PrepareManualExchangeSessionModelAsync("unknown"), Is.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class UtcDateTimeHelper : IDateTimeHelper
    {
        public Task<DateTime> ConvertToUserTimeAsync(DateTime dt, DateTimeKind sourceDateTimeKind) => Task.FromResult(dt);

        public TimeZoneInfo DefaultStoreTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>The service over one session and its folder (no checkpoints: every file waits).</summary>
    private sealed class FixedSessionService(OneCExchangeSession session) : IManualExchangeService
    {
        public Task<OneCExchangeSession?> GetSessionAsync(string sessionId) =>
            Task.FromResult(sessionId == session.SessionId ? session : null);

        public PackageAnalysis? GetAnalysis(OneCExchangeSession s) => PackageFolder.LoadAnalysis(s.StagingFolder);

        public DryRunReport? GetDryRunReport(OneCExchangeSession s) => PackageFolder.LoadDryRun(s.StagingFolder);

        public Task<IReadOnlyList<ManualFileState>> GetFilesAsync(OneCExchangeSession s) =>
            Task.FromResult<IReadOnlyList<ManualFileState>>(PackageFolder.XmlFiles(s.StagingFolder)
                .Select(f => new ManualFileState(f, 1, 1, 0, "Waiting", null)).ToList());

        public Task<ManualStart> StartAsync(IReadOnlyList<ManualUpload> files, string startedBy) => throw new NotSupportedException();
        public Task<ManualStart> RerunAsync(string sessionId, string relativePath, string startedBy) => throw new NotSupportedException();
        public Task<ManualStepResult> DryRunStepAsync(string sessionId) => throw new NotSupportedException();
        public Task RestartDryRunAsync(string sessionId) => throw new NotSupportedException();
        public Task<ManualStepResult> ImportStepAsync(string sessionId) => throw new NotSupportedException();
        public IReadOnlyList<string> KeptFiles(OneCExchangeSession s) => throw new NotSupportedException();
        public string? KeptFilePath(OneCExchangeSession s, string relativePath) => throw new NotSupportedException();
    }
}
