using System.Text;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Orders;

/// <summary>The sale exchange end to end in Core: the document 1C receives, 1C's answer to it, and back.</summary>
public class SaleRoundTripTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("onec-sale-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static async Task<XDocument> QueryAsync(OrderExchange exchange, string session, string? version)
    {
        var document = await exchange.QueryAsync(new OrderQuery(session, version), CancellationToken.None);
        using var output = new AsyncOnlyStream();
        await document.WriteToAsync(output, CancellationToken.None);
        return XDocument.Load(new MemoryStream(output.ToArray()));
    }

    /// <summary>What 1C's exchange module sends back for the orders it loaded: its number, paid and shipped.</summary>
    private static string OneCAnswer(XDocument exported) => new XDocument(
        new XElement("КоммерческаяИнформация", new XAttribute("ВерсияСхемы", "2.09"),
            exported.Descendants("Документ").Select((document, index) => new XElement("Документ",
                new XElement("Ид", (string)document.Element("Ид")!),
                new XElement("Номер", (string)document.Element("Номер")!),
                new XElement("Номер1С", $"ТДЦУ-{index + 1:D6}"),
                new XElement("Дата1С", "2026-11-28"),
                new XElement("ХозОперация", "Заказ товара"),
                new XElement("ЗначенияРеквизитов",
                    Requisite("Проведен", "true"),
                    Requisite("Номер оплаты по 1С", index == 0 ? "ПП-1" : ""),
                    Requisite("Дата оплаты по 1С", index == 0 ? "2026-11-28T10:00:00" : "T"),
                    Requisite("Отгружен", "false")))))).ToString();

    private static XElement Requisite(string name, string value) =>
        new("ЗначениеРеквизита", new XElement("Наименование", name), new XElement("Значение", value));

    [TestCase("2.08")]
    [TestCase("2.10")]
    public async Task Orders_1C_loaded_come_back_with_its_numbers_and_only_store_changes_are_sent_again(string version)
    {
        var source = new InMemoryOrderSource();
        var sink = new RecordingOrderChangeSink();
        foreach (var order in new[] { SampleOrders.Person(41), SampleOrders.Company(42) })
        {
            source.Add(order);
            sink.Add(order.OrderId, order.Number);
        }
        var options = new FixedOptions(new OrderExchangeOptions());
        var exchange = new OrderExchange(source, options, TimeProvider.System);

        var exported = await QueryAsync(exchange, "sale-1", version);
        await exchange.ConfirmAsync("sale-1", CancellationToken.None);
        File.WriteAllText(Path.Combine(_folder, "v8_changes.xml"), OneCAnswer(exported), new UTF8Encoding(true));
        using (var import = new OrderChangesImportFactory(sink, options, TimeProvider.System)
                   .Open(new FileImportRequest("sale-1", ExchangeType.Sale, _folder, "v8_changes.xml", 0)))
            Assert.That(await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None), Is.True);

        Assert.That(sink.Orders[41].OneCNumber, Is.EqualTo("ТДЦУ-000001"));
        Assert.That(sink.Orders[42].OneCNumber, Is.EqualTo("ТДЦУ-000002"));
        Assert.That(sink.Orders[41].Paid, Is.True, "1C's payment document marks the order paid");
        Assert.That(sink.Orders[42].Paid, Is.False, "an empty payment date (T) is no payment");
        Assert.That((await QueryAsync(exchange, "sale-2", version)).Descendants("Документ"), Is.Empty,
            "nothing changed in the store since 1C confirmed");

        source.Change(41, order => order with { IsPaid = true, ShippingAllowed = true });
        var again = await QueryAsync(exchange, "sale-3", version);
        var resent = again.Descendants("Документ").Single();
        Assert.That((string)resent.Element("Ид")!, Is.EqualTo("41"));
        Assert.That(resent.Descendants("ЗначениеРеквизита").Single(r => (string)r.Element("Наименование")! == "Заказ оплачен")
            .Element("Значение")!.Value, Is.EqualTo("true"));
    }

    [Test]
    public async Task Our_own_document_reads_back_through_the_changes_reader()
    {
        var person = SampleOrders.Person(51);
        var cancelled = SampleOrders.Company(52) with { IsCancelled = true, Status = StoreOrderStatus.Cancelled, StatusName = "Cancelled" };
        var bytes = await OrdersDocumentWriterTests.WriteAsync(OrdersDocumentFormat.Resolve("2.10", "2.08", "windows-1251"), person, cancelled);

        using var reader = new OrderChangesReader(new MemoryStream(bytes), "query.xml");
        var read = reader.ReadDocuments().ToList();
        Assert.That(read.Select(r => (r.Id, r.Number, r.Total)),
            Is.EqualTo(new[] { person, cancelled }.Select(o => ((string?)o.DocumentId, (string?)o.Number, (decimal?)o.Total))));
        Assert.That(read.Select(r => (r.Paid, r.Cancelled, r.StatusId)),
            Is.EqualTo(new[] { ((bool?)false, (bool?)false, "10"), (true, true, "40") }));
        Assert.That(read[0].Date, Is.EqualTo(person.CreatedOn));
        Assert.That(reader.Header!.SchemaVersion, Is.EqualTo("2.10"));
        Assert.That(reader.Warnings, Is.Empty);
    }
}
