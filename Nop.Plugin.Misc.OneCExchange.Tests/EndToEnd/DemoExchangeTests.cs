using System.Text;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.Orders;
using OneCExchange.Tests.Protocol;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.EndToEnd;

/// <summary>
/// samples/demo-package (shipped with the repository, so these always run) through `onec replay` over HTTP to the
/// loopback host with Core's real catalog pipeline and order exchange: a full exchange, a second full exchange without
/// one product (unpublished at deactivate), and the sale conversation with a changes file from 1C.
/// </summary>
public class DemoExchangeTests : LoopbackTestBase
{
    private static string DemoPackage => Path.Combine(TestPaths.Samples, "demo-package");
    private static readonly XNamespace Cml = "urn:1C.ru:commerceml_2";

    private LoopbackCatalogPipeline _catalog = null!;

    [SetUp]
    public void UseRealCatalog()
    {
        // No time budget: every import step applies one item, so each file's import stays open across many requests,
        // each with its own request-scoped store.
        Host.Options = Host.Options with { StepTimeBudget = TimeSpan.Zero };
        _catalog = LoopbackCatalogPipeline.On(Host);
    }

    [Test]
    public async Task Full_exchange_lands_the_demo_catalog_and_a_later_full_exchange_unpublishes_the_missing_product()
    {
        await ReplayAsync(DemoPackage);

        var docs = new[] { "import.xml", "offers.xml" }.Select(f => XDocument.Load(Path.Combine(DemoPackage, f))).ToList();
        var expected = CorpusCatalogExpectations.Of(docs);
        CorpusCatalogExpectations.AssertLanded(_catalog.Store, expected, Host.Log.Entries.Where(e => e.Counters != null).Select(e => e.Counters!));
        var pictures = docs[0].Descendants(Cml + "Товар").Where(t => (string?)t.Attribute("Статус") != "Удален")
            .Elements(Cml + "Картинка").Select(p => p.Value.Trim()).Distinct().Count();
        Assert.That(_catalog.Store.Pictures, Has.Count.EqualTo(pictures), "pictures of the products on sale");
        Assert.That(Host.Log.Entries.Count(e => e.Mode == "import" && e.Outcome == ExchangeOutcome.Progress), Is.GreaterThan(docs.Count),
            "imports were continued across requests");
        Assert.That(_catalog.ScopesUsed, Is.GreaterThan(docs.Count));

        var second = Path.Combine(Scratch, "second");
        var missing = CopyWithoutFirstProduct(DemoPackage, second);
        var logged = Host.Log.Entries.Count;

        await ReplayAsync(second);

        var store = _catalog.Store;
        Assert.That(store.Products, Has.Count.EqualTo(expected.Products.Count), "nothing is deleted");
        Assert.That(store.ProductOf(missing).Published, Is.False, "the product 1C no longer sends is unpublished");
        Assert.That(expected.Products.Keys.Where(k => k != missing).Select(k => store.ProductOf(k).Published), Has.All.True);
        Assert.That(Host.Log.Entries.Skip(logged).Where(e => e.Counters != null).Sum(e => e.Counters!.Created), Is.Zero);
        Assert.That(Host.Log.Entries.Skip(logged).Single(e => e.Mode == "deactivate").Message, Does.Contain(": 1."));
    }

    [Test]
    public async Task A_restart_in_the_middle_of_a_file_resumes_from_the_checkpoint_and_lands_the_same_catalog()
    {
        var package = CatalogPackage.FromFolder(DemoPackage);
        var client = NewClient();
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        var (_, limit) = await client.InitAsync(null, CancellationToken.None);
        foreach (var file in package.Files)
            await client.UploadAsync(file.LocalPath, file.RemoteName, limit, CancellationToken.None);
        var cookie = $"{Host.Options.CookieName}={Host.State.Sessions.Single().CookieToken}";
        for (var step = 0; step < 5; step++)
            Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Does.StartWith("progress\n"));
        Assert.That(Host.State.Checkpoints.Single().ItemsCompleted, Is.GreaterThan(0));

        _catalog.Restart(Host);
        foreach (var file in package.ImportOrder)
            await client.ImportAsync(file.RemoteName, CancellationToken.None);
        await client.CompleteAsync(CancellationToken.None);

        var docs = new[] { "import.xml", "offers.xml" }.Select(f => XDocument.Load(Path.Combine(DemoPackage, f))).ToList();
        CorpusCatalogExpectations.AssertLanded(_catalog.Store, CorpusCatalogExpectations.Of(docs),
            Host.Log.Entries.Where(e => e.Counters != null).Select(e => e.Counters!));
        Assert.That(Host.Log.Entries.Where(e => e.Outcome == ExchangeOutcome.Failure), Is.Empty);
    }

    [Test]
    public async Task Replay_with_sale_exports_the_orders_confirms_them_and_marks_the_order_1C_paid()
    {
        var source = new InMemoryOrderSource { ReferenceData = new OrderReferenceData([new("10", "Pending")], [], []) };
        source.Add(SampleOrders.Person(41));
        source.Add(SampleOrders.Company(42));
        var sink = new RecordingOrderChangeSink();
        sink.Add(41);
        sink.Add(42);
        var options = new FixedOptions(new OrderExchangeOptions());
        Host.OrdersOverride = new OrderExchange(source, options, Host.Time);
        Host.SaleImportOverride = new OrderChangesImportFactory(new InRequestOrderChangeSink(_catalog, sink), options, Host.Time);
        var changes = Path.Combine(Scratch, "from-1c.xml");
        File.WriteAllText(changes, ChangesFrom1C, new UTF8Encoding(false));
        var orders = Path.Combine(Scratch, "orders.xml");

        var output = new StringWriter();
        var exit = await ReplayCommand.RunAsync([DemoPackage, "--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login,
            "--password", LoopbackExchangeHost.Password, "--version", "2.08", "--deactivate", "--sale", "--sale-file", changes,
            "--orders-out", orders], output, output);

        Assert.That(exit, Is.EqualTo(0), output.ToString());
        Assert.That(_catalog.Store.Products, Is.Not.Empty, "the catalog went first");
        var exported = XDocument.Load(orders).Descendants().Where(e => e.Name.LocalName == "Документ")
            .Select(d => d.Elements().First(e => e.Name.LocalName == "Ид").Value).ToList();
        Assert.That(exported, Is.EqualTo(new[] { "41", "42" }), "query hands out the orders");
        Assert.That(source.IsConfirmedAtCurrentVersion(41) && source.IsConfirmedAtCurrentVersion(42), Is.True, "success confirms them");
        Assert.That(sink.Orders[41].Paid, Is.True, "1C marked order 41 paid");
        Assert.That(sink.Orders[42].Paid, Is.False);
        Assert.That(sink.Orders[42].OneCNumber, Is.EqualTo("ЗК-042"));
        Assert.That(Host.Log.Entries.Count(e => e.Type == ExchangeType.Sale && e.Mode == "import"), Is.GreaterThan(1),
            "the changes import went on across requests");
    }

    /// <summary>As the plugin wires it: the sink of the request running now, never one kept from an earlier request.</summary>
    private sealed class InRequestOrderChangeSink(LoopbackCatalogPipeline requests, IOrderChangeSink sink) : IOrderChangeSink
    {
        public Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken) =>
            requests.InRequest
                ? sink.ApplyAsync(command, cancellationToken)
                : throw new InvalidOperationException("Order changes applied outside of an exchange request.");
    }

    private const string ChangesFrom1C = """
        <?xml version="1.0" encoding="UTF-8"?>
        <КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.08" ДатаФормирования="2026-11-27T12:30:00">
          <Документ>
            <Ид>41</Ид><Номер>41</Номер><Номер1С>ЗК-041</Номер1С><Дата1С>2026-11-27</Дата1С>
            <ХозОперация>Заказ товара</ХозОперация>
            <ЗначенияРеквизитов>
              <ЗначениеРеквизита><Наименование>Оплачен</Наименование><Значение>true</Значение></ЗначениеРеквизита>
            </ЗначенияРеквизитов>
          </Документ>
          <Документ>
            <Ид>42</Ид><Номер>42</Номер><Номер1С>ЗК-042</Номер1С><Дата1С>2026-11-27</Дата1С>
            <ХозОперация>Заказ товара</ХозОперация>
          </Документ>
        </КоммерческаяИнформация>
        """;

    private async Task ReplayAsync(string package)
    {
        var output = new StringWriter();
        await new ReplayRunner(Http, output).RunAsync(Replay(package) with { Deactivate = true, FileLimit = 64 * 1024 }, CancellationToken.None);
        Assert.That(Host.Log.Entries.Where(e => e.Outcome == ExchangeOutcome.Failure), Is.Empty, output.ToString());
    }

    /// <summary>Copies the package without its first product (and that product's offers); returns the product's 1C id.</summary>
    private static string CopyWithoutFirstProduct(string package, string target)
    {
        foreach (var file in Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(package, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var import = XDocument.Load(Path.Combine(target, "import.xml"));
        var product = import.Descendants(Cml + "Товары").Elements(Cml + "Товар").First();
        var id = product.Element(Cml + "Ид")!.Value.Trim();
        product.Remove();
        import.Save(Path.Combine(target, "import.xml"));
        var offers = XDocument.Load(Path.Combine(target, "offers.xml"));
        var removed = offers.Descendants(Cml + "Предложение").Where(o => o.Element(Cml + "Ид")!.Value.Trim().Split('#')[0] == id).ToList();
        Assert.That(removed, Is.Not.Empty, "the product has offers");
        removed.ForEach(o => o.Remove());
        offers.Save(Path.Combine(target, "offers.xml"));
        return id;
    }
}
