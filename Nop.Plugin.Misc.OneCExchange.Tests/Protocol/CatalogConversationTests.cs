using NUnit.Framework;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;

namespace OneCExchange.Tests.Protocol;

public class CatalogConversationTests : LoopbackTestBase
{
    [Test]
    public async Task Checkauth_answers_the_five_line_form_and_init_the_limits()
    {
        var (cookie, sessid, lines) = await Raw.CheckAuthAsync("catalog");

        var session = Host.State.Sessions.Single();
        Assert.That(lines, Is.EqualTo(new[]
        {
            "success", Host.Options.CookieName, session.CookieToken, "sessid=" + session.SessId,
            "timestamp=" + Host.Time.GetUtcNow().ToUnixTimeSeconds(),
        }));
        Assert.That(Raw.LastResponse!.Headers.GetValues("Set-Cookie").Single(), Does.StartWith(cookie));

        Assert.That(await Raw.GetAsync($"type=catalog&mode=init&sessid={sessid}", cookie), Is.EqualTo("zip=no\nfile_limit=65536"));
        Assert.That(await Raw.GetAsync($"type=catalog&mode=init&sessid={sessid}&version=3.1", cookie),
            Is.EqualTo($"zip=no\nfile_limit=65536\nsessid={sessid}\nversion=3.1"));
        Assert.That(Host.State.Sessions.Single().SchemaVersion, Is.EqualTo("3.1"));
        Assert.That(Raw.LastResponse!.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
    }

    [Test]
    public async Task Replay_of_a_chunked_package_imports_every_file_completely_and_completes()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"));
        Assert.That(new FileInfo(Path.Combine(package, "import.xml")).Length, Is.GreaterThan(3 * Host.Options.FileSizeLimitBytes),
            "the package must need several chunks");

        var output = new StringWriter();
        await new ReplayRunner(Http, output).RunAsync(Replay(package), CancellationToken.None);

        var staged = StagedFolderOfOnlySession();
        foreach (var name in new[] { "import.xml", "offers.xml", "import_files/ab/ab12.jpg" })
            Assert.That(File.ReadAllBytes(Path.Combine(staged, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(package, name))),
                $"{name} staged byte for byte");
        AssertImportedCompletely(Path.Combine(package, "import.xml"), "import.xml");
        AssertImportedCompletely(Path.Combine(package, "offers.xml"), "offers.xml");
        Assert.That(Host.CatalogImports.Opened.Count(r => r.RelativePath == "import.xml"), Is.EqualTo(1),
            "later steps continue the open import instead of re-opening the file");
        Assert.That(Host.Log.Entries.Count(e => e is { Mode: "import", Outcome: ExchangeOutcome.Progress }), Is.GreaterThan(2));
        Assert.That(Host.Completion.Completions.Single().DeactivateMissing, Is.False, "a changes-only package deactivates nothing");
        Assert.That(Host.Log.Entries.Where(e => e.Mode != "checkauth").Select(e => e.SessionId), Has.All.EqualTo(Host.State.Sessions.Single().Id));
        Assert.That(Host.Log.Entries.Where(e => e.Mode == "file").Sum(e => e.BytesReceived),
            Is.EqualTo(Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)));
    }

    [Test]
    public async Task A_zip_package_is_unpacked_on_the_first_import_with_its_sub_folders()
    {
        Host.Options = Host.Options with { UseZip = true };
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 300);

        await new ReplayRunner(Http, TextWriter.Null).RunAsync(Replay(package), CancellationToken.None);

        var staged = StagedFolderOfOnlySession();
        Assert.That(File.Exists(Path.Combine(staged, "package.zip")), Is.False, "the zip is removed once unpacked");
        Assert.That(File.ReadAllBytes(Path.Combine(staged, "import_files", "ab", "ab12.jpg")),
            Is.EqualTo(File.ReadAllBytes(Path.Combine(package, "import_files", "ab", "ab12.jpg"))));
        Assert.That(Host.Log.Entries.Any(e => e is { Mode: "import", Outcome: ExchangeOutcome.Progress } && e.Message == "Архив package.zip распакован."));
        AssertImportedCompletely(Path.Combine(package, "import.xml"), "import.xml");
        AssertImportedCompletely(Path.Combine(package, "offers.xml"), "offers.xml");
    }

    [Test]
    public async Task Zip_entry_names_in_cp866_are_decoded()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var zip = TestPackages.Zip([("import_files/Фото товара.jpg", [1, 2, 3]), ("import.xml", System.Text.Encoding.UTF8.GetBytes(TestPackages.CatalogXml(3)))],
            System.Text.Encoding.GetEncoding(866));
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=pack.zip", zip, cookie), Is.EqualTo("success"));

        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Is.EqualTo("progress\nАрхив pack.zip распакован."));
        Assert.That(File.ReadAllBytes(Path.Combine(StagedFolderOfOnlySession(), "import_files", "Фото товара.jpg")), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task A_restart_between_steps_resumes_from_the_checkpoint_without_applying_anything_twice()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 400);
        var client = NewClient();
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        var (_, limit) = await client.InitAsync(null, CancellationToken.None);
        await client.UploadAsync(Path.Combine(package, "import.xml"), "import.xml", limit, CancellationToken.None);
        var (cookie, _) = (CookieOf(Host.State.Sessions.Single()), 0);
        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Does.StartWith("progress\n"));
        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Does.StartWith("progress\n"));
        var checkpoint = Host.State.Checkpoints.Single().ItemsCompleted;

        Host.Restart();
        await client.ImportAsync("import.xml", CancellationToken.None);

        var opened = Host.CatalogImports.Opened.ToList();
        Assert.That(opened.Select(o => o.ResumeAfterItems), Is.EqualTo(new[] { 0L, checkpoint }));
        AssertImportedCompletely(Path.Combine(package, "import.xml"), "import.xml");
        Assert.That(Host.State.Checkpoints.Single().Status, Is.EqualTo(FileImportStatus.Done));
    }

    [Test]
    public async Task A_repeated_import_of_a_finished_file_applies_nothing_again()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", System.Text.Encoding.UTF8.GetBytes(TestPackages.CatalogXml(2)), cookie);
        string answer;
        do answer = await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie);
        while (answer.StartsWith("progress"));
        var applied = Host.CatalogImports.AppliedTo("import.xml").Count;

        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Is.EqualTo("success\nФайл import.xml уже загружен."));
        Assert.That(Host.CatalogImports.AppliedTo("import.xml"), Has.Count.EqualTo(applied));
    }

    [Test]
    public async Task Deactivate_applies_the_missing_items_policy_once_and_complete_releases_the_lock()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 50);

        await new ReplayRunner(Http, TextWriter.Null).RunAsync(Replay(package) with { Deactivate = true, Version = "3.1" }, CancellationToken.None);

        var completion = Host.Completion.Completions.Single();
        Assert.That(completion.DeactivateMissing, Is.True);
        Assert.That(completion.SessionId, Is.EqualTo(Host.State.Sessions.Single().Id));
        Assert.That((await Raw.CheckAuthAsync("catalog")).Lines[0], Is.EqualTo("success"), "complete released the lock at once");
    }

    [Test]
    public async Task An_old_style_full_package_deactivates_missing_items_on_complete()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 50, full: true);

        await new ReplayRunner(Http, TextWriter.Null).RunAsync(Replay(package), CancellationToken.None);

        Assert.That(Host.Completion.Completions.Single().DeactivateMissing, Is.True);
    }

    [Test]
    public async Task An_old_style_full_exchange_without_complete_is_completed_when_the_next_exchange_starts()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 50, full: true);
        var client = NewClient();
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        await client.InitAsync(null, CancellationToken.None);
        foreach (var name in new[] { "import.xml", "offers.xml" })
        {
            await client.UploadAsync(Path.Combine(package, name), name, 65536, CancellationToken.None);
            await client.ImportAsync(name, CancellationToken.None);
        }
        var first = Host.State.Sessions.Single();
        Assert.That(Host.Completion.Completions, Is.Empty, "1C sent no complete: nothing is deactivated yet");

        await Raw.CheckAuthAsync("catalog");

        var completion = Host.Completion.Completions.Single();
        Assert.That((completion.SessionId, completion.DeactivateMissing), Is.EqualTo((first.Id, true)));
        await Raw.CheckAuthAsync("sale");
        Assert.That(Host.Completion.Completions, Has.Count.EqualTo(1), "completed once only");
    }

    [Test]
    public async Task The_bitrix_path_speaks_the_same_protocol()
    {
        var text = await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.GoodBasic, url: Host.BitrixUrl);
        Assert.That(text, Does.StartWith("success\n" + Host.Options.CookieName + "\n"));
    }

    [Test]
    public async Task Answers_can_be_encoded_in_windows_1251()
    {
        Host.Options = Host.Options with { ResponseEncoding = "windows-1251" };
        Assert.That(await Raw.GetAsync("type=catalog&mode=init"), Is.EqualTo("failure\nНе передан cookie сеанса обмена; начните обмен с checkauth."));
        Assert.That(Raw.LastResponse!.Content.Headers.ContentType!.CharSet, Is.EqualTo("windows-1251"));
    }

    [Test]
    public async Task A_new_exchange_deletes_sessions_and_log_records_past_the_retention()
    {
        await Raw.CheckAuthAsync("sale");
        var old = Host.State.Sessions.Single();
        Host.Time.Advance(Host.Options.LogRetention + TimeSpan.FromMinutes(5));

        await Raw.CheckAuthAsync("catalog");

        Assert.That(Host.State.Sessions.Select(s => s.Id), Has.None.EqualTo(old.Id));
        Assert.That(Host.Log.Deletions.Last(), Is.EqualTo(Host.Time.GetUtcNow() - Host.Options.LogRetention));
    }

    [Test]
    public async Task Init_starts_the_staging_folder_afresh_so_a_resent_file_is_imported_again()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        var xml = System.Text.Encoding.UTF8.GetBytes(TestPackages.CatalogXml(2));
        await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", xml, cookie);
        string answer;
        do answer = await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie);
        while (answer.StartsWith("progress"));
        var firstRun = Host.CatalogImports.AppliedTo("import.xml").Count;

        await Raw.GetAsync("type=catalog&mode=init", cookie);
        Assert.That(Directory.EnumerateFileSystemEntries(StagedFolderOfOnlySession()), Is.Empty);
        Assert.That(Host.State.Checkpoints, Is.Empty);
        await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", xml, cookie);
        do answer = await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie);
        while (answer.StartsWith("progress"));

        Assert.That(Host.CatalogImports.AppliedTo("import.xml"), Has.Count.EqualTo(2 * firstRun));
    }

    [Test]
    public async Task A_second_request_of_the_type_while_one_runs_is_told_how_long_to_wait()
    {
        var blocking = new BlockingImportFactory();
        Host.CatalogImportOverride = blocking;
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", [1], cookie);

        var first = Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie);
        await blocking.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var second = new RawExchangeClient(Host);
        Assert.That(await second.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo("failure\nУже идёт другой обмен (type=catalog): его запрос обрабатывается сейчас; повторите через 30 с."));
        var (saleCookie, _, _) = await second.CheckAuthAsync("sale");
        Assert.That(await second.GetAsync("type=sale&mode=init", saleCookie), Does.StartWith("zip="), "the other type is not held up");
        blocking.Release.SetResult();
        Assert.That(await first, Does.StartWith("success\n"));
        Assert.That(blocking.Opened, Is.EqualTo(1));
        Assert.That(Host.State.IsGuarded(ExchangeType.Catalog), Is.False, "the guard goes with the request");
    }

    private sealed class BlockingImportFactory : OneCExchange.Core.Ports.IFileImportFactory
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Opened;

        public OneCExchange.Core.Ports.IFileImport Open(OneCExchange.Core.Ports.FileImportRequest request)
        {
            Interlocked.Increment(ref Opened);
            return new Import(this);
        }

        private sealed class Import(BlockingImportFactory factory) : OneCExchange.Core.Ports.IFileImport
        {
            public long ItemsCompleted => 1;
            public string ProgressMessage => "";
            public OneCExchange.Core.Exchange.ImportCounters Counters { get; } = new();

            public async Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
            {
                factory.Started.TrySetResult();
                await factory.Release.Task;
                return true;
            }

            public void Dispose()
            {
            }
        }
    }

    private string CookieOf(ExchangeSession session) => $"{Host.Options.CookieName}={session.CookieToken}";
}
