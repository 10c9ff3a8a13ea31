using System.Text;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Orders;
using OneCExchange.Tests.Protocol;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Orders;

/// <summary>The sale conversation over HTTP (loopback host and the replay emulator) with Core's real order exchange
/// and order-changes import over in-memory stores.</summary>
public class SaleLoopbackTests : LoopbackTestBase
{
    private InMemoryOrderSource _source = null!;
    private RecordingOrderChangeSink _sink = null!;

    [SetUp]
    public void UseRealOrders()
    {
        _source = new InMemoryOrderSource
        {
            ReferenceData = new OrderReferenceData([new("10", "Pending"), new("20", "Processing")], [], []),
        };
        _source.Add(SampleOrders.Person(41));
        _source.Add(SampleOrders.Company(42));
        _sink = new RecordingOrderChangeSink();
        var options = new FixedOptions(new OrderExchangeOptions { OrderStatusMappings = "P=Complete" });
        Host.OrdersOverride = new OrderExchange(_source, options, Host.Time);
        Host.SaleImportOverride = new OrderChangesImportFactory(_sink, options, Host.Time);
    }

    [Test]
    public async Task Replay_with_sale_exports_the_orders_confirms_them_and_applies_1Cs_changes()
    {
        var changes = Path.Combine(TestPaths.CorpusOrSkip("orders"), "ArgentCrusade__commerceml__documents-example.xml");
        _sink.Add(142);
        _sink.Add(235);
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 5);
        var orders = Path.Combine(Scratch, "orders.xml");

        await new OneCExchange.Cli.Replay.ReplayRunner(Http, TextWriter.Null).RunAsync(
            Replay(package) with { Sale = true, SaleChangesFile = changes, OrdersOutput = orders, Version = "2.10" },
            CancellationToken.None);

        var exported = XDocument.Load(orders);
        Assert.That((string)exported.Root!.Attribute("ВерсияСхемы")!, Is.EqualTo("2.10"));
        Assert.That(exported.Root.Elements("Контейнер").Elements("Документ").Select(d => (string)d.Element("Ид")!),
            Is.EqualTo(new[] { "41", "42" }));
        Assert.That(_source.IsConfirmedAtCurrentVersion(41) && _source.IsConfirmedAtCurrentVersion(42), Is.True, "success confirmed them");

        var expected = XDocument.Load(changes).Descendants().Where(e => e.Name.LocalName == "Документ")
            .ToDictionary(d => int.Parse(d.Elements().First(e => e.Name.LocalName == "Ид").Value),
                d => d.Elements().First(e => e.Name.LocalName == "Номер1С").Value.Trim());
        Assert.That(_sink.Orders.ToDictionary(o => o.Key, o => o.Value.OneCNumber), Is.EqualTo(expected));
        Assert.That(_sink.Orders[142].Paid && _sink.Orders[142].Shipped, Is.True);
        Assert.That(_sink.Orders[142].Status, Is.EqualTo(StoreOrderStatus.Complete));
    }

    [Test]
    public async Task Over_HTTP_a_query_without_success_is_answered_again_and_info_lists_the_statuses()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("sale");
        await Raw.GetAsync($"type=sale&mode=init&sessid={sessid}&version=2.08", cookie);

        var first = await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie);
        var again = await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie);
        Assert.That(Ids(first), Is.EqualTo(new[] { "41", "42" }));
        Assert.That(Ids(again), Is.EqualTo(Ids(first)));

        Assert.That(await Raw.GetAsync($"type=sale&mode=success&sessid={sessid}", cookie), Does.StartWith("success"));
        Assert.That(Ids(await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie)), Is.Empty);

        var info = XDocument.Parse(await Raw.GetAsync($"type=sale&mode=info&sessid={sessid}", cookie));
        Assert.That(info.Root!.Elements().First().Elements("Элемент").Select(e => (string)e.Element("Название")!),
            Is.EqualTo(new[] { "Pending", "Processing" }));
    }

    [Test]
    public async Task Over_HTTP_an_unknown_order_is_reported_and_the_others_applied()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("sale");
        await Raw.GetAsync($"type=sale&mode=init&sessid={sessid}&version=2.08", cookie);
        _sink.Add(142);
        var body = File.ReadAllBytes(Path.Combine(TestPaths.CorpusOrSkip("orders"), "ArgentCrusade__commerceml__documents-example.xml"));
        Assert.That(await Raw.PostAsync($"type=sale&mode=file&filename=changes.xml&sessid={sessid}", body, cookie), Does.StartWith("success"));

        string answer;
        do
            answer = await Raw.GetAsync($"type=sale&mode=import&filename=changes.xml&sessid={sessid}", cookie);
        while (answer.StartsWith("progress"));
        Assert.That(answer, Does.StartWith("success"));
        Assert.That(answer, Does.Contain("обновлено 1").And.Contain("ошибок 1"));
        Assert.That(_sink.Orders[142].OneCNumber, Is.EqualTo("ТДЦУ-000001"));
        Assert.That(Host.Log.Entries.SelectMany(e => e.Counters?.Messages ?? []).Select(m => m.ToString()), Has.Some.Contains("235").And.Contains("не найден"));
    }

    [Test]
    public async Task Over_HTTP_a_store_error_before_the_first_byte_is_a_failure_answer_and_the_orders_stay_due()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("sale");
        _source.FailAtOrder = 41;

        Assert.That(await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie),
            Is.EqualTo("failure\nВнутренняя ошибка обмена на сайте; подробности в журнале обмена."));
        Assert.That(Host.Log.Entries.Last().Error, Does.Contain("the store failed reading order 41"));

        _source.FailAtOrder = null;
        Assert.That(Ids(await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie)), Is.EqualTo(new[] { "41", "42" }));
    }

    [Test]
    public async Task Over_HTTP_a_store_error_after_the_first_byte_drops_the_connection_and_the_orders_stay_due()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("sale");
        _source.FailAtOrder = 42;

        Assert.That(async () => await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie),
            Throws.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>());
        var entry = Host.Log.Entries.Last();
        Assert.That((entry.Mode, entry.Outcome), Is.EqualTo(("query", OneCExchange.Core.Protocol.ExchangeOutcome.Failure)));
        Assert.That(entry.Error, Does.Contain("the store failed reading order 42"));
        Assert.That(_source.IsConfirmedAtCurrentVersion(41), Is.False, "1C called no success");

        _source.FailAtOrder = null;
        Assert.That(Ids(await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie)), Is.EqualTo(new[] { "41", "42" }),
            "the next query hands out the same orders (and the request guard was released)");
    }

    [Test]
    public async Task Over_HTTP_the_first_order_reaches_1C_before_the_last_is_read_from_the_store()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("sale");
        _source.HoldAtOrder = 42;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(Host.ExchangeUrl) { Query = $"type=sale&mode=query&sessid={sessid}" }.Uri);
        request.Headers.Add("Cookie", cookie);

        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = response.Content.ReadAsStream(timeout.Token);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (!Encoding.UTF8.GetString(received.ToArray()).Contains("<Ид>41</Ид>"))
        {
            var read = await body.ReadAsync(buffer, timeout.Token);
            Assert.That(read, Is.GreaterThan(0), "the document ended before order 41");
            received.Write(buffer, 0, read);
        }
        Assert.That(Encoding.UTF8.GetString(received.ToArray()), Does.Not.Contain("<Ид>42</Ид>"));

        _source.Release.SetResult();
        await body.CopyToAsync(received, timeout.Token);
        Assert.That(Ids(Encoding.UTF8.GetString(received.ToArray())), Is.EqualTo(new[] { "41", "42" }));
    }

    private static IEnumerable<string> Ids(string xml) => XDocument.Parse(xml).Descendants("Документ").Select(d => (string)d.Element("Ид")!);
}
