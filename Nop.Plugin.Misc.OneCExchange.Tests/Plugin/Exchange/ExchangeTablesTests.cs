using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Plugin.Exchange;

/// <summary>The plugin's state store and exchange log over its tables (in-memory repositories).</summary>
public class ExchangeTablesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static ExchangeSession Session(string id, DateTimeOffset at, ExchangeType type = ExchangeType.Catalog) => new()
    {
        Id = id, Type = type, CookieToken = "cookie-" + id, SessId = "sessid-" + id, CreatedAt = at, LastSeenAt = at,
        StagingFolder = "/staging/" + id, LockExpiresAt = at + TimeSpan.FromMinutes(2),
    };

    [Test]
    public async Task Sessions_round_trip_and_hold_the_lock_of_their_type()
    {
        var sessions = new InMemoryRepository<OneCExchangeSession>();
        var store = new ExchangeStateStore(sessions, new InMemoryRepository<OneCFileCheckpoint>());
        var first = Session("a", Start);
        first.SchemaVersion = "3.1";
        first.StagedBytes = 12345;

        Assert.That(await store.TryStartAsync(first, Start, default), Is.True);
        Assert.That(await store.TryStartAsync(Session("b", Start), Start.AddMinutes(1), default), Is.False, "locked");
        Assert.That(await store.TryStartAsync(Session("s", Start, ExchangeType.Sale), Start, default), Is.True, "another type");
        var found = await store.FindByCookieAsync("cookie-a", default);
        Assert.That((found!.Id, found.SchemaVersion, found.StagedBytes, found.CreatedAt, found.LockExpiresAt),
            Is.EqualTo(("a", "3.1", 12345L, Start, Start.AddMinutes(2))));

        found.FullExchange = true;
        found.LockExpiresAt = Start;
        await store.UpdateAsync(found, default);
        Assert.That(await store.FindActiveAsync(ExchangeType.Catalog, Start.AddSeconds(1), default), Is.Null);
        Assert.That(await store.TryStartAsync(Session("c", Start.AddSeconds(1)), Start.AddSeconds(1), default), Is.True);
        Assert.That((await store.FindPendingCompletionAsync(ExchangeType.Catalog, "c", default)).Select(s => s.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(sessions.Rows.Select(r => r.SessionId), Is.EquivalentTo(new[] { "a", "s", "c" }));
    }

    [Test]
    public async Task Checkpoints_are_saved_per_file_and_old_sessions_go_with_theirs()
    {
        var sessions = new InMemoryRepository<OneCExchangeSession>();
        var checkpoints = new InMemoryRepository<OneCFileCheckpoint>();
        var store = new ExchangeStateStore(sessions, checkpoints);
        await store.TryStartAsync(Session("old", Start), Start, default);
        await store.SaveCheckpointAsync(new FileCheckpoint("old", "import.xml", 10, FileImportStatus.Running, true, "10", Start), default);
        await store.SaveCheckpointAsync(new FileCheckpoint("old", "import.xml", 25, FileImportStatus.Done, true, "done", Start), default);

        var saved = await store.GetCheckpointAsync("old", "import.xml", default);
        Assert.That(saved, Is.EqualTo(new FileCheckpoint("old", "import.xml", 25, FileImportStatus.Done, true, "done", Start)));
        Assert.That(checkpoints.Rows, Has.Count.EqualTo(1));

        var later = Start.AddDays(40);
        await store.TryStartAsync(Session("new", later), later, default);
        await store.DeleteSessionsSeenBeforeAsync(later.AddDays(-30), default);
        Assert.That(sessions.Rows.Select(r => r.SessionId), Is.EqualTo(new[] { "new" }));
        Assert.That(checkpoints.Rows, Is.Empty);
    }

    [Test]
    public async Task The_log_keeps_one_record_per_session_with_the_sum_of_its_requests()
    {
        var records = new InMemoryRepository<OneCExchangeLogRecord>();
        var entries = new InMemoryRepository<OneCExchangeLogEntry>();
        var log = new ExchangeLogService(records, entries);
        var step1 = new ImportCounters { Created = 3, Updated = 1 };
        step1.AddMessage(ExchangeMessage.Of(MessageKeys.ProductGroupMissing, "p1", "g1"));
        await log.RecordAsync(new ExchangeLogEntry("s1", ExchangeType.Catalog, "file", "127.0.0.1", Start, TimeSpan.FromMilliseconds(5),
            ExchangeOutcome.Success, null, "import.xml", BytesReceived: 1000, FileSizeBytes: 1000), default);
        await log.RecordAsync(new ExchangeLogEntry("s1", ExchangeType.Catalog, "import", "127.0.0.1", Start.AddSeconds(1), TimeSpan.FromSeconds(2),
            ExchangeOutcome.Progress, "Обработано 4", "import.xml", Counters: step1), default);
        await log.RecordAsync(new ExchangeLogEntry("s1", ExchangeType.Catalog, "import", "127.0.0.1", Start.AddSeconds(3), TimeSpan.FromSeconds(1),
            ExchangeOutcome.Failure, "Ошибка загрузки файла import.xml: плохой XML", "import.xml", Counters: new ImportCounters { Failed = 1 }), default);
        await log.RecordAsync(new ExchangeLogEntry(null, ExchangeType.Catalog, "checkauth", "10.1.1.1", Start, TimeSpan.Zero,
            ExchangeOutcome.Failure, "Ошибка авторизации."), default);

        var record = records.Rows.Single();
        Assert.That((record.SessionId, record.RequestCount, record.BytesReceived, record.ItemsCreated, record.ItemsUpdated, record.ItemsFailed,
            record.ErrorCount, record.FileCount, record.DurationMs, record.LastMessage),
            Is.EqualTo(("s1", 3, 1000L, 3L, 1L, 1L, 1, 1, 3005L, "Ошибка загрузки файла import.xml: плохой XML")));
        Assert.That(entries.Rows, Has.Count.EqualTo(4));
        Assert.That(entries.Rows[1].Messages, Is.EqualTo("{\"k\":\"Catalog.ProductGroupMissing\",\"a\":[\"p1\",\"g1\"]}"),
            "kept with its key, to be shown in the reader's language");
        Assert.That(entries.Rows[3].SessionId, Is.Null);

        await log.RecordAsync(new ExchangeLogEntry(null, ExchangeType.Catalog, new string('m', 500), null, Start, TimeSpan.Zero,
            ExchangeOutcome.Failure, new string('x', 10_000), new string('f', 1000)), default);
        var longest = entries.Rows.Last();
        Assert.That((longest.Mode.Length, longest.FileName!.Length, longest.Message!.Length),
            Is.EqualTo((OneCExchangeLogEntry.ModeMaxLength, OneCFileCheckpoint.RelativePathMaxLength, OneCExchangeLogEntry.MessageMaxLength)),
            "whatever 1C sends fits the columns");

        await log.DeleteBeforeAsync(Start.AddSeconds(2), default);
        Assert.That(entries.Rows.Select(e => e.Mode), Is.EqualTo(new[] { "import" }), "entries started before the cut are gone");
        Assert.That(records.Rows, Has.Count.EqualTo(1), "the record's last request is after the cut");
    }
}
