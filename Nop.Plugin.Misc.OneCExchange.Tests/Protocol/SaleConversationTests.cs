using System.Text;
using NUnit.Framework;
using OneCExchange.Tests.Protocol.Fakes;

namespace OneCExchange.Tests.Protocol;

public class SaleConversationTests : LoopbackTestBase
{
    [Test]
    public async Task The_sale_conversation_queries_confirms_and_imports_changes()
    {
        var (cookie, sessid, lines) = await Raw.CheckAuthAsync("sale");
        var session = Host.State.Sessions.Single();
        Assert.That(lines, Is.EqualTo(new[] { "success", Host.Options.CookieName, session.CookieToken, "sessid=" + session.SessId }),
            "four lines for sale: no timestamp");

        Assert.That(await Raw.GetAsync($"type=sale&mode=init&sessid={sessid}&version=2.08", cookie),
            Is.EqualTo($"zip=no\nfile_limit=65536\nsessid={sessid}\nversion=2.08"));

        Assert.That(await Raw.GetAsync($"type=sale&mode=query&sessid={sessid}", cookie), Is.EqualTo(FakeOrderExchange.OrdersXml));
        Assert.That(Raw.LastResponse!.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/octet-stream"),
            "XML documents bypass the store's HTML/XML minification");
        Assert.That(Host.Orders.Queries.Single(), Is.EqualTo(new OneCExchange.Core.Ports.OrderQuery(session.Id, "2.08")));
        Assert.That(Host.Orders.Confirmed, Is.Empty, "nothing is marked exported before 1C confirms");

        Assert.That(await Raw.GetAsync($"type=sale&mode=success&sessid={sessid}", cookie), Is.EqualTo("success"));
        Assert.That(Host.Orders.Confirmed.Single(), Is.EqualTo(session.Id));

        var changes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><КоммерческаяИнформация><Документ><Ид>17</Ид><Номер1С>А-17</Номер1С></Документ></КоммерческаяИнформация>";
        Assert.That(await Raw.PostAsync($"type=sale&mode=file&filename=v8_52D8_e12.xml&sessid={sessid}", Encoding.UTF8.GetBytes(changes), cookie), Is.EqualTo("success"));
        var elements = System.Xml.Linq.XDocument.Parse(changes).Descendants().Count();
        Assert.That(await Raw.GetAsync($"type=sale&mode=import&filename=v8_52D8_e12.xml&sessid={sessid}", cookie),
            Is.EqualTo($"success\nФайл v8_52D8_e12.xml загружен: создано 0, обновлено {elements}, без изменений 0, снято с публикации 0, ошибок 0, предупреждений 0."));
        Assert.That(Host.SaleImports.AppliedTo("v8_52D8_e12.xml"), Has.Count.EqualTo(elements));
        Assert.That(Host.CatalogImports.Applied, Is.Empty);

        Assert.That(await Raw.GetAsync($"type=sale&mode=info&sessid={sessid}", cookie), Is.EqualTo(FakeOrderExchange.InfoXml));
    }

    [Test]
    public async Task Replay_with_sale_runs_query_success_and_uploads_the_changes_file()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 20);
        var changes = Path.Combine(Scratch, "changes.xml");
        File.WriteAllText(changes, "<КоммерческаяИнформация><Документ><Ид>17</Ид></Документ></КоммерческаяИнформация>");
        var orders = Path.Combine(Scratch, "orders.xml");

        await new OneCExchange.Cli.Replay.ReplayRunner(Http, TextWriter.Null)
            .RunAsync(Replay(package) with { Sale = true, SaleChangesFile = changes, OrdersOutput = orders, Version = "2.08" }, CancellationToken.None);

        Assert.That(File.ReadAllText(orders), Is.EqualTo(FakeOrderExchange.OrdersXml));
        var saleSession = Host.State.Sessions.Single(s => s.Type == OneCExchange.Core.Exchange.ExchangeType.Sale);
        Assert.That(Host.Orders.Confirmed.Single(), Is.EqualTo(saleSession.Id));
        Assert.That(Host.SaleImports.AppliedTo("changes.xml"), Has.Count.EqualTo(TestPackages.ElementCount(changes)));
    }

    [Test]
    public async Task An_error_while_writing_the_orders_document_drops_the_connection_and_is_logged()
    {
        Host.Orders.FailWhileWriting = true;
        var (cookie, _, _) = await Raw.CheckAuthAsync("sale");

        Assert.That(async () => await Raw.GetAsync("type=sale&mode=query", cookie),
            Throws.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>(), "a cut document is not ended as a whole one");
        var entry = Host.Log.Entries.Last();
        Assert.That(entry.Outcome, Is.EqualTo(OneCExchange.Core.Protocol.ExchangeOutcome.Failure));
        Assert.That(entry.Error, Does.Contain("order 17 has no customer"));
        Assert.That(Host.State.Sessions.Single().HadFailure, Is.True);

        Host.Orders.FailWhileWriting = false;
        Assert.That(await Raw.GetAsync("type=sale&mode=query", cookie), Is.EqualTo(FakeOrderExchange.OrdersXml),
            "the request guard was released");
    }

    [Test]
    public async Task A_document_is_streamed_without_a_temporary_file()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("sale");
        Assert.That(await Raw.GetAsync("type=sale&mode=query", cookie), Is.EqualTo(FakeOrderExchange.OrdersXml));
        Assert.That(Raw.LastResponse!.Headers.TransferEncodingChunked, Is.True, "sent as it is written, its length unknown up front");
        Assert.That(Directory.Exists(Host.State.Sessions.Single().StagingFolder), Is.False, "nothing was staged");
        Assert.That(Host.Log.Entries.Last().Message, Is.EqualTo("document, 1 item(s)"));
    }
}
