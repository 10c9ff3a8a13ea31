using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.Orders;
using OneCExchange.Tests.Protocol;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.EndToEnd;

/// <summary>
/// The ways real 1C setups talk, each back to back with no pause, through `onec replay` over HTTP to the loopback host
/// with Core's real catalog pipeline and order exchange: every run must end in success and land the demo catalog, and
/// the orders must be handed out and confirmed.
/// </summary>
public class HowOneCTalksTests : LoopbackTestBase
{
    private static string DemoPackage => Path.Combine(TestPaths.Samples, "demo-package");

    private LoopbackCatalogPipeline _catalog = null!;
    private InMemoryOrderSource _orders = null!;

    [SetUp]
    public void UseRealCatalogAndOrders()
    {
        // One item per import step: every file takes many requests.
        Host.Options = Host.Options with { StepTimeBudget = TimeSpan.Zero };
        _catalog = LoopbackCatalogPipeline.On(Host);
        _orders = new InMemoryOrderSource { ReferenceData = new OrderReferenceData([new("10", "Pending")], [], []) };
        _orders.Add(SampleOrders.Person(41));
        _orders.Add(SampleOrders.Company(42));
        var options = new FixedOptions(new OrderExchangeOptions());
        Host.OrdersOverride = new OrderExchange(_orders, options, Host.Time);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Behaviour_1_a_new_checkauth_and_init_for_every_file_back_to_back(bool zip)
    {
        Host.Options = Host.Options with { UseZip = zip };

        await ReplayAsync("--checkauth-per-file", "--version", "2.08");
        await ReplayAsync("--checkauth-per-file");

        AssertDemoLanded();
        var sessions = Host.State.Sessions;
        Assert.That(sessions, Has.Count.EqualTo(4), "one session per XML file and run");
        Assert.That(sessions.Select(s => s.Superseded), Is.EqualTo(new[] { true, false, true, false }),
            "each checkauth superseded the idle session before it; a session that sent complete is finished, not superseded");
        Assert.That(sessions.Select(s => s.Completed), Has.All.True, "the full import.xml sessions were completed at the next checkauth");
        Assert.That(Host.Log.Entries.Where(e => e.Mode == "superseded").Select(e => e.SessionId), Is.EqualTo(new[] { sessions[0].Id, sessions[2].Id }),
            "the history shows each superseded session as such");
        Assert.That(Host.Log.Entries.Where(e => e.Mode == "file").Select(e => e.FileName).Distinct(),
            zip ? Is.EqualTo(new[] { "package.zip" }) : Has.Member("import.xml"));
    }

    [Test]
    public async Task Behaviour_1b_file_by_file_when_told_so_though_the_store_takes_a_zip()
    {
        Host.Options = Host.Options with { UseZip = true };

        await ReplayAsync("--file-by-file", "--version", "2.08");

        AssertDemoLanded();
        var uploaded = Host.Log.Entries.Where(e => e.Mode == "file").Select(e => e.FileName).Distinct().ToList();
        Assert.That(uploaded, Has.Member("import.xml").And.Member("offers.xml").And.No.Member("package.zip"));
        Assert.That(uploaded, Has.Count.EqualTo(Directory.EnumerateFiles(DemoPackage, "*", SearchOption.AllDirectories).Count()),
            "every file of the package in requests of its own");
    }

    [Test]
    public async Task Behaviour_2_a_rerun_right_after_a_dropped_connection_or_a_failure_in_the_middle_of_an_import()
    {
        var dropped = NewClient();
        await dropped.CheckAuthAsync("catalog", CancellationToken.None);
        var (_, limit) = await dropped.InitAsync(null, CancellationToken.None);
        foreach (var file in CatalogPackage.FromFolder(DemoPackage).Files)
            await dropped.UploadAsync(file.LocalPath, file.RemoteName, limit, CancellationToken.None);
        var abandoned = Host.State.Sessions.Single();
        var cookie = $"{Host.Options.CookieName}={abandoned.CookieToken}";
        for (var step = 0; step < 3; step++)
            Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Does.StartWith("progress\n"));

        await ReplayAsync();
        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo("failure\nСеанс обмена заменён более новым (новый checkauth); начните обмен заново с checkauth."),
            "the superseded session stopped at its checkpoint");

        var failing = NewClient();
        await failing.CheckAuthAsync("catalog", CancellationToken.None);
        await failing.InitAsync(null, CancellationToken.None);
        Assert.That(async () => await failing.ImportAsync("import.xml", CancellationToken.None), Throws.TypeOf<ExchangeFailedException>());
        await ReplayAsync();

        AssertDemoLanded();
        Assert.That(Host.State.Sessions.Single(s => s.Id == abandoned.Id).Superseded, Is.True);
    }

    [Test]
    public async Task Behaviour_3_a_session_makes_requests_of_either_type_and_exchanges_of_both_types_follow_each_other()
    {
        await ReplayAsync("--type-at-checkauth", "sale", "--sale", "--version", "2.08");
        Assert.That(Host.State.Sessions.Select(s => s.Type), Is.EqualTo(new[] { ExchangeType.Sale, ExchangeType.Sale }),
            "the catalog exchange was opened by a sale checkauth");
        AssertDemoLanded();
        AssertOrdersHandedOutAndConfirmed();

        var (catalogCookie, _, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync("type=sale&mode=init&version=2.08", catalogCookie), Does.StartWith("zip=no\n"));
        Assert.That(await Raw.GetAsync("type=sale&mode=query", catalogCookie), Does.Contain("КоммерческаяИнформация"),
            "a catalog session asks for the orders");
        Assert.That(await Raw.GetAsync("type=sale&mode=success", catalogCookie), Is.EqualTo("success"));

        await ReplayAsync("--sale");
        await ReplayAsync();
        AssertDemoLanded();
        Assert.That(Host.Log.Entries.Where(e => e.Outcome == ExchangeOutcome.Failure), Is.Empty);
    }

    [TestCase("--post-all")]
    [TestCase("--basic-only")]
    public async Task Behaviour_4_every_request_with_basic_auth_as_a_post_or_without_a_cookie(string style)
    {
        await ReplayAsync(style, "--sale", "--version", "2.08", "--deactivate");
        await ReplayAsync(style, "--sale");

        AssertDemoLanded();
        AssertOrdersHandedOutAndConfirmed();
        if (style == "--post-all")
            Assert.That(Host.Log.Entries.Count(e => e.Mode == "import"), Is.GreaterThan(4));
    }

    [Test]
    public async Task Behaviour_5_a_new_sale_checkauth_right_after_query_and_success()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("sale");
        Assert.That(await Raw.GetAsync("type=sale&mode=init&version=2.08", cookie), Does.StartWith("zip=no\n"));
        Assert.That(ExportedOrders(await Raw.GetAsync("type=sale&mode=query", cookie)), Is.EqualTo(new[] { "41", "42" }));
        Assert.That(await Raw.GetAsync("type=sale&mode=success", cookie), Is.EqualTo("success"));

        var (next, _, _) = await Raw.CheckAuthAsync("sale");
        Assert.That(await Raw.GetAsync("type=sale&mode=init&version=2.08", next), Does.StartWith("zip=no\n"));
        Assert.That(ExportedOrders(await Raw.GetAsync("type=sale&mode=query", next)), Is.Empty, "confirmed orders are not handed out again");
        Assert.That(await Raw.GetAsync("type=sale&mode=success", next), Is.EqualTo("success"));
        AssertOrdersHandedOutAndConfirmed();
    }

    [Test]
    public async Task A_guard_left_by_a_killed_process_holds_only_until_its_lease_ends_and_the_import_resumes()
    {
        var client = NewClient();
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        var (_, limit) = await client.InitAsync(null, CancellationToken.None);
        foreach (var file in CatalogPackage.FromFolder(DemoPackage).Files)
            await client.UploadAsync(file.LocalPath, file.RemoteName, limit, CancellationToken.None);
        var cookie = $"{Host.Options.CookieName}={Host.State.Sessions.Single().CookieToken}";
        for (var step = 0; step < 4; step++)
            Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Does.StartWith("progress\n"));

        // kill -9 in the middle of the next step: its guard stays in the store, its process memory is gone.
        var now = Host.Time.GetUtcNow();
        Assert.That(await Host.State.TryEnterGuardAsync(ExchangeType.Catalog, "killed", now, now + Host.Options.RequestGuardLease, default), Is.Null);
        _catalog.Restart(Host);

        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo("failure\nУже идёт другой обмен (type=catalog): его запрос обрабатывается сейчас; повторите через 30 с."));
        Host.Time.Advance(Host.Options.RequestGuardLease);
        await ReplayAsync();

        AssertDemoLanded();
    }

    [Test]
    public async Task A_lock_out_after_failed_logins_survives_a_restart()
    {
        for (var attempt = 0; attempt < Host.Options.MaxFailedLoginAttempts; attempt++)
            await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.Basic(LoopbackExchangeHost.Login, "wrong"));
        Host.Restart();

        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.GoodBasic),
            Is.EqualTo("failure\nСлишком много неудачных попыток входа; вход с этого адреса заблокирован на 15 мин."));
        Host.Time.Advance(Host.Options.LockoutDuration);
        Assert.That((await Raw.CheckAuthAsync("catalog")).Lines[0], Is.EqualTo("success"));
    }

    private async Task ReplayAsync(params string[] flags)
    {
        var output = new StringWriter();
        var exit = await ReplayCommand.RunAsync([DemoPackage, "--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login,
            "--password", LoopbackExchangeHost.Password, "--file-limit", "65536", .. flags], output, output);
        Assert.That(exit, Is.EqualTo(0), output.ToString());
        Assert.That(output.ToString(), Does.EndWith("success" + Environment.NewLine));
    }

    private void AssertDemoLanded()
    {
        var docs = new[] { "import.xml", "offers.xml" }.Select(f => XDocument.Load(Path.Combine(DemoPackage, f))).ToList();
        CorpusCatalogExpectations.AssertLanded(_catalog.Store, CorpusCatalogExpectations.Of(docs), failed: 0);
    }

    private void AssertOrdersHandedOutAndConfirmed() =>
        Assert.That(_orders.IsConfirmedAtCurrentVersion(41) && _orders.IsConfirmedAtCurrentVersion(42), Is.True);

    private static List<string> ExportedOrders(string document) =>
        XDocument.Parse(document).Descendants().Where(e => e.Name.LocalName == "Документ")
            .Select(d => d.Elements().First(e => e.Name.LocalName == "Ид").Value).ToList();
}
