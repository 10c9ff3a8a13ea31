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
/// Two loopback hosts over one store (one state store, one catalog, one shared staging folder), as the processes of a
/// web farm behind a load balancer: requests of one exchange alternate between them and land the same catalog.
/// </summary>
public class WebFarmTests : LoopbackTestBase
{
    private static string DemoPackage => Path.Combine(TestPaths.Samples, "demo-package");

    private LoopbackExchangeHost _second = null!;

    [TearDown]
    public async Task StopSecondAsync()
    {
        if (_second is not null)
            await _second.DisposeAsync();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Two_hosts_over_one_store_take_alternating_requests_and_land_the_same_catalog(bool zip)
    {
        Host.Options = Host.Options with { StepTimeBudget = TimeSpan.Zero, UseZip = zip };
        var first = LoopbackCatalogPipeline.On(Host);
        _second = await LoopbackExchangeHost.StartAsync(Host.StagingRoot, Host.State);
        _second.Options = Host.Options;
        var second = LoopbackCatalogPipeline.On(_second, sharedStore: first.Store);

        using var balancer = new HttpClient(new RoundRobin([Host.BaseAddress, _second.BaseAddress]));
        var output = new StringWriter();
        await new ReplayRunner(balancer, output).RunAsync(Replay(DemoPackage) with { Deactivate = true, FileLimit = 64 * 1024 }, CancellationToken.None);

        var docs = new[] { "import.xml", "offers.xml" }.Select(f => XDocument.Load(Path.Combine(DemoPackage, f))).ToList();
        CorpusCatalogExpectations.AssertLanded(first.Store, CorpusCatalogExpectations.Of(docs), failed: 0);
        var imports = Host.Log.Entries.Concat(_second.Log.Entries).Where(e => e.Mode == "import").ToList();
        Assert.That(Host.Log.Entries.Count(e => e.Mode == "import"), Is.GreaterThan(2), output.ToString());
        Assert.That(_second.Log.Entries.Count(e => e.Mode == "import"), Is.GreaterThan(2), "both hosts ran import steps");
        Assert.That(imports.Where(e => e.Outcome == ExchangeOutcome.Failure), Is.Empty);
    }

    [Test]
    public async Task A_host_without_the_session_s_files_names_the_cause()
    {
        _second = await LoopbackExchangeHost.StartAsync(Path.Combine(Scratch, "other-node-staging"), Host.State);
        _second.Options = Host.Options with { StagingRoot = _second.StagingRoot };
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", "<x/>"u8.ToArray(), cookie), Is.EqualTo("success"));

        var folder = Path.Combine(_second.StagingRoot, Host.State.Sessions.Single().Id);
        foreach (var mode in new[] { "import&filename=import.xml", "file&filename=offers.xml" })
        {
            using var request = new HttpRequestMessage(mode.StartsWith("file") ? HttpMethod.Post : HttpMethod.Get,
                new Uri(_second.ExchangeUrl, $"?type=catalog&mode={mode}")) { Content = new ByteArrayContent([1]) };
            request.Headers.Add("Cookie", cookie);
            using var response = await Http.SendAsync(request);
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("failure\nФайлы этого сеанса обмена не найдены на этом сервере " +
                $"(папка {folder}): сайт работает на нескольких серверах, а папка обмена у них не общая. Укажите в настройках обмена общую " +
                "папку для всех серверов или направляйте адрес обмена на один сервер."), mode);
        }
    }

    /// <summary>A load balancer in front of the hosts: each request goes to the next one.</summary>
    private sealed class RoundRobin(IReadOnlyList<Uri> hosts) : DelegatingHandler(new SocketsHttpHandler { UseCookies = false })
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = hosts[_next++ % hosts.Count];
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
