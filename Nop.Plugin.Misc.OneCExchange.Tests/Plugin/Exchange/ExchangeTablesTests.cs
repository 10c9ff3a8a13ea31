using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Protocol;
using OneCExchange.Core.Security;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Plugin.Exchange;

/// <summary>The plugin's state store and exchange log over its tables (in-memory repositories).</summary>
public class ExchangeTablesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static ExchangeSession Session(string id, DateTimeOffset at, ExchangeType type = ExchangeType.Catalog) => new()
    {
        Id = id, Type = type, CookieToken = "cookie-" + id, SessId = "sessid-" + id, CreatedAt = at, LastSeenAt = at,
        StagingFolder = "/staging/" + id,
    };

    private static ExchangeStateStore Store(InMemoryRepository<OneCExchangeSession>? sessions = null,
        InMemoryRepository<OneCFileCheckpoint>? checkpoints = null, InMemoryRepository<OneCRequestGuard>? guards = null,
        InMemoryRepository<OneCLoginFailure>? loginFailures = null, FakeDataProvider? dataProvider = null) =>
        new(sessions ?? new(), checkpoints ?? new(), guards ?? new(), loginFailures ?? new(),
            new ConventionNamedUpdater(dataProvider ?? new FakeDataProvider(), new FakeEventPublisher()));

    [Test]
    public async Task A_running_requests_save_keeps_the_superseded_mark_a_newer_checkauth_set_meanwhile()
    {
        var sessions = new InMemoryRepository<OneCExchangeSession> { Detached = true };
        var running = Store(sessions);
        await running.StartAsync(Session("a", Start), default);
        var session = await running.FindByCookieAsync("cookie-a", default);
        // The request has read its session; a checkauth of the same type (another request, another store) comes now.
        Assert.That(await Store(sessions).StartAsync(Session("b", Start.AddSeconds(1)), default), Is.EqualTo(new[] { "a" }));

        session!.LastSeenAt = Start.AddSeconds(2);
        session.StagedBytes = 42;
        await running.UpdateAsync(session, default);

        var stored = sessions.Rows.Single(r => r.SessionId == "a");
        Assert.That((stored.Superseded, stored.StagedBytes, stored.LastSeenOnUtc), Is.EqualTo((true, 42L, Start.AddSeconds(2).UtcDateTime)));
        Assert.That((await Store(sessions).FindLatestAsync(Start, default))!.Id, Is.EqualTo("b"));
    }

    [Test]
    public async Task On_PostgreSQL_a_request_reads_its_session_by_one_statement_and_saves_only_the_columns_it_changed()
    {
        var sessions = new InMemoryRepository<OneCExchangeSession> { Detached = true };
        var database = new FakeDataProvider("PostgreSQL.9.2")
        {
            Selected = (_, parameters) => sessions.Rows.Where(r => r.CookieToken == (string)parameters.Single().Value!),
        };
        var store = Store(sessions, dataProvider: database);
        var started = Session("a", Start);
        started.CatalogState = "{\"classifier\":\"carried over\"}";
        await store.StartAsync(started, default);
        var session = await store.FindByCookieAsync("cookie-a", default);
        Assert.That((session!.Id, session.CatalogState, session.CatalogStateOmitted), Is.EqualTo(("a", (string?)null, true)),
            "the carried catalog state is not read for a request that does not use it");

        // A picture upload: the session was seen again and staged more bytes.
        session.LastSeenAt = Start.AddSeconds(3);
        session.StagedBytes = 42;
        await store.UpdateAsync(session, default);

        var select = database.Executed.Select(e => e.Sql).First();
        Assert.That(select, Does.StartWith("SELECT \"").And.EndWith(" FROM \"OneCExchangeSession\" WHERE \"CookieToken\" = CAST(@p0 AS citext)"));
        Assert.That(select, Does.Contain("\"Id\"").And.Contain("\"SessionId\"").And.Contain("\"StagedBytes\"").And.Contain("\"Superseded\""));
        Assert.That(select, Does.Not.Contain("CatalogState"));
        var (sql, parameters) = database.Executed.Skip(1).Single();
        Assert.That(sql, Is.EqualTo("UPDATE \"OneCExchangeSession\" AS t SET \"LastSeenOnUtc\" = v.\"LastSeenOnUtc\", " +
            "\"LockExpiresOnUtc\" = v.\"LockExpiresOnUtc\", \"StagedBytes\" = v.\"StagedBytes\" FROM (VALUES (CAST(@p0 AS integer), " +
            "CAST(@p1 AS timestamp), CAST(@p2 AS timestamp), CAST(@p3 AS bigint))) AS v(\"Id\", \"LastSeenOnUtc\", \"LockExpiresOnUtc\", " +
            "\"StagedBytes\") WHERE t.\"Id\" = v.\"Id\""), "neither the catalog state nor the superseded mark is written");
        Assert.That(parameters.Skip(1).Select(p => p.Value),
            Is.EqualTo(new object[] { Start.AddSeconds(3).UtcDateTime, Start.AddSeconds(3).UtcDateTime, 42L }));
        Assert.That(sessions.UpdateCount, Is.Zero, "no whole-row update through the repository");
    }

    [Test]
    public async Task A_save_of_a_session_read_without_its_catalog_state_keeps_the_stored_one_and_an_import_reads_it()
    {
        var sessions = new InMemoryRepository<OneCExchangeSession> { Detached = true };
        var started = Session("a", Start);
        started.CatalogState = "{\"classifier\":\"carried over\"}";
        await Store(sessions).StartAsync(started, default);
        var session = await Store(sessions).FindByCookieAsync("cookie-a", default);
        session!.OmitCatalogState();

        // Saved by another request's store, which reads the row again (as after a refused sessid or on SQL Server).
        session.StagedBytes = 7;
        await Store(sessions).UpdateAsync(session, default);

        var stored = sessions.Rows.Single();
        Assert.That((stored.StagedBytes, stored.CatalogState), Is.EqualTo((7L, started.CatalogState)));
        Assert.That(await Store(sessions).GetCatalogStateAsync("a", default), Is.EqualTo(started.CatalogState));
    }

    [Test]
    public async Task Sessions_round_trip_and_a_new_one_supersedes_the_open_ones_of_its_type()
    {
        var sessions = new InMemoryRepository<OneCExchangeSession>();
        var store = Store(sessions);
        var first = Session("a", Start);
        first.SchemaVersion = "3.1";
        first.StagedBytes = 12345;

        await store.StartAsync(first, default);
        await store.StartAsync(Session("s", Start, ExchangeType.Sale), default);
        var found = await store.FindByCookieAsync("cookie-a", default);
        Assert.That((found!.Id, found.SchemaVersion, found.StagedBytes, found.CreatedAt, found.Superseded),
            Is.EqualTo(("a", "3.1", 12345L, Start, false)), "another type does not supersede");

        found.FullExchange = true;
        found.LastStepInstance = "node-1";
        await store.UpdateAsync(found, default);
        await store.StartAsync(Session("c", Start.AddSeconds(1)), default);
        var superseded = await store.FindByCookieAsync("cookie-a", default);
        Assert.That((superseded!.Superseded, superseded.LastStepInstance), Is.EqualTo((true, "node-1")));
        superseded.StagedBytes = 1;
        await store.UpdateAsync(superseded, default);
        Assert.That((await store.FindByCookieAsync("cookie-a", default))!.Superseded, Is.True, "an update never revives a superseded session");
        Assert.That((await store.FindLatestAsync(Start, default))!.Id, Is.EqualTo("c"));
        Assert.That((await store.FindPendingCompletionAsync("c", default)).Select(s => s.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(sessions.Rows.Select(r => r.SessionId), Is.EquivalentTo(new[] { "a", "s", "c" }));
    }

    [Test]
    public async Task The_request_guard_has_one_holder_per_type_until_it_exits_or_its_lease_ends()
    {
        var guards = new InMemoryRepository<OneCRequestGuard>();
        var store = Store(guards: guards);
        var lease = Start.AddSeconds(30);

        Assert.That(await store.TryEnterGuardAsync(ExchangeType.Catalog, "h1", Start, lease, default), Is.Null);
        Assert.That(await store.TryEnterGuardAsync(ExchangeType.Catalog, "h2", Start.AddSeconds(1), Start.AddSeconds(31), default), Is.EqualTo(lease));
        Assert.That(await store.TryEnterGuardAsync(ExchangeType.Sale, "h3", Start, lease, default), Is.Null, "another type");
        await store.RenewGuardAsync(ExchangeType.Catalog, "h1", Start.AddSeconds(60), default);
        Assert.That(await store.TryEnterGuardAsync(ExchangeType.Catalog, "h2", Start.AddSeconds(45), Start.AddSeconds(75), default),
            Is.EqualTo(Start.AddSeconds(60)), "renewed");
        Assert.That(await store.TryEnterGuardAsync(ExchangeType.Catalog, "h2", Start.AddSeconds(61), Start.AddSeconds(91), default),
            Is.Null, "a lease that ended (its process died) is taken over");
        await store.ExitGuardAsync(ExchangeType.Catalog, "h1", default);
        Assert.That(guards.Rows.Select(g => g.HolderId), Is.EquivalentTo(new[] { "h2", "h3" }), "only its own holder releases a guard");
        await store.ExitGuardAsync(ExchangeType.Catalog, "h2", default);
        Assert.That(await store.TryEnterGuardAsync(ExchangeType.Catalog, "h4", Start.AddSeconds(62), Start.AddSeconds(92), default), Is.Null);
    }

    [Test]
    public async Task Failed_logins_are_kept_in_their_table()
    {
        var rows = new InMemoryRepository<OneCLoginFailure>();
        var throttle = new LoginThrottle(Store(loginFailures: rows), new OneCExchange.Tests.Protocol.Fakes.ManualTimeProvider(Start));
        await throttle.RecordFailureAsync("10.0.0.1", 2, TimeSpan.FromMinutes(15), default);
        await throttle.RecordFailureAsync("10.0.0.1", 2, TimeSpan.FromMinutes(15), default);

        var restarted = new LoginThrottle(Store(loginFailures: rows), new OneCExchange.Tests.Protocol.Fakes.ManualTimeProvider(Start.AddMinutes(1)));
        Assert.That(await restarted.LockedUntilAsync("10.0.0.1", default), Is.EqualTo(Start.AddMinutes(15)));
        Assert.That((rows.Rows.Single().Address, rows.Rows.Single().FailureCount), Is.EqualTo(("10.0.0.1", 2)));
    }

    [Test]
    public async Task Checkpoints_are_saved_per_file_and_old_sessions_go_with_theirs()
    {
        var sessions = new InMemoryRepository<OneCExchangeSession>();
        var checkpoints = new InMemoryRepository<OneCFileCheckpoint>();
        var store = Store(sessions, checkpoints);
        await store.StartAsync(Session("old", Start), default);
        await store.SaveCheckpointAsync(new FileCheckpoint("old", "import.xml", 10, FileImportStatus.Running, true, "10", Start), default);
        await store.SaveCheckpointAsync(new FileCheckpoint("old", "import.xml", 25, FileImportStatus.Done, true, "done", Start), default);

        var saved = await store.GetCheckpointAsync("old", "import.xml", default);
        Assert.That(saved, Is.EqualTo(new FileCheckpoint("old", "import.xml", 25, FileImportStatus.Done, true, "done", Start)));
        Assert.That(checkpoints.Rows, Has.Count.EqualTo(1));

        var later = Start.AddDays(40);
        await store.StartAsync(Session("new", later), default);
        await store.DeleteSessionsSeenBeforeAsync(later.AddDays(-30), default);
        Assert.That(sessions.Rows.Select(r => r.SessionId), Is.EqualTo(new[] { "new" }));
        Assert.That(checkpoints.Rows, Is.Empty);
    }

    [Test]
    public async Task The_log_keeps_one_record_per_session_with_the_sum_of_its_requests()
    {
        var records = new InMemoryRepository<OneCExchangeLogRecord>();
        var entries = new InMemoryRepository<OneCExchangeLogEntry>();
        var log = new ExchangeLogService(records, entries, new ConventionNamedUpdater(new FakeDataProvider(), new FakeEventPublisher()));
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

    [Test]
    public async Task Pictures_uploaded_count_in_their_record_without_an_entry_and_failed_uploads_and_XML_files_keep_theirs()
    {
        var records = new InMemoryRepository<OneCExchangeLogRecord> { Detached = true };
        var entries = new InMemoryRepository<OneCExchangeLogEntry>();
        var log = new ExchangeLogService(records, entries, new ConventionNamedUpdater(new FakeDataProvider(), new FakeEventPublisher()));
        await log.RecordAsync(new ExchangeLogEntry("s1", ExchangeType.Catalog, "init", "127.0.0.1", Start, TimeSpan.FromMilliseconds(2),
            ExchangeOutcome.Success, "zip=no"), default);

        for (var i = 0; i < 1000; i++)
            await log.RecordAsync(Upload(Start.AddMilliseconds(10 + i), ExchangeOutcome.Success, null), default);
        await log.RecordAsync(Upload(Start.AddSeconds(2), ExchangeOutcome.Failure, "Недопустимое имя файла ../x.jpg."), default);
        await log.RecordAsync(Upload(Start.AddSeconds(3), ExchangeOutcome.Success, null) with { FileName = "import.xml" }, default);

        var record = records.Rows.Single();
        Assert.That((record.RequestCount, record.BytesReceived, record.DurationMs, record.ErrorCount, record.LastRequestOnUtc),
            Is.EqualTo((1003, 1002 * 4000L, 2 + 1002 * 3L, 1, Start.AddSeconds(3).AddMilliseconds(3).UtcDateTime)));
        Assert.That(entries.Rows.Select(e => (e.Mode, e.FileName, e.OutcomeId)), Is.EqualTo(new[]
        {
            ("init", null, (int)ExchangeOutcome.Success), ("file", "import_files/1.jpg", (int)ExchangeOutcome.Failure),
            ("file", "import.xml", (int)ExchangeOutcome.Success),
        }));
    }

    [Test]
    public async Task On_PostgreSQL_an_upload_that_succeeds_is_one_update_of_its_record_and_no_read()
    {
        var records = new InMemoryRepository<OneCExchangeLogRecord>();
        var entries = new InMemoryRepository<OneCExchangeLogEntry>();
        var database = new FakeDataProvider("PostgreSQL.9.2") { RowsAffected = _ => 1 };
        var log = new ExchangeLogService(records, entries, new ConventionNamedUpdater(database, new FakeEventPublisher()));

        await log.RecordAsync(Upload(Start, ExchangeOutcome.Success, null), default);

        var (sql, parameters) = database.Executed.Single();
        Assert.That(sql, Is.EqualTo("UPDATE \"OneCExchangeLogRecord\" SET \"RequestCount\" = \"RequestCount\" + CAST(@p0 AS integer), "
            + "\"BytesReceived\" = \"BytesReceived\" + CAST(@p1 AS bigint), \"DurationMs\" = \"DurationMs\" + CAST(@p2 AS bigint), "
            + "\"LastRequestOnUtc\" = CAST(@p3 AS timestamp) WHERE \"SessionId\" = CAST(@p4 AS citext)"));
        Assert.That(parameters.Select(p => p.Value), Is.EqualTo(new object[] { 1L, 4000L, 3L, Start.AddMilliseconds(3).UtcDateTime, "s1" }));
        Assert.That((records.RoundTrips, entries.RoundTrips), Is.EqualTo((0, 0)));

        database.RowsAffected = _ => 0;
        await log.RecordAsync(Upload(Start.AddSeconds(1), ExchangeOutcome.Success, null), default);
        Assert.That(records.Rows.Single().RequestCount, Is.EqualTo(1), "a session without its record yet gets one");
    }

    private static ExchangeLogEntry Upload(DateTimeOffset at, ExchangeOutcome outcome, string? message) =>
        new("s1", ExchangeType.Catalog, "file", "127.0.0.1", at, TimeSpan.FromMilliseconds(3), outcome, message, "import_files/1.jpg",
            BytesReceived: 4000, FileSizeBytes: 4000);
}
