using System.Text;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Support;
using static OneCExchange.Tests.Orders.OrderDocumentXml;

namespace OneCExchange.Tests.Orders;

public class OrderChangesImportTests
{
    private const string StatusMappings = "# 1C status = store status\nОткрыт=Processing\nP = Complete\n";
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddHours(1);
    private string? _tempFolder;

    [OneTimeSetUp]
    public void EnableWindows1251() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [TearDown]
    public void RemoveTempFolder()
    {
        if (_tempFolder != null && Directory.Exists(_tempFolder))
            Directory.Delete(_tempFolder, recursive: true);
        _tempFolder = null;
    }

    public static IEnumerable<string> OrderFiles() => CorpusFiles.In("orders");

    private static OrderChangesImportFactory Factory(RecordingOrderChangeSink sink, string? mappings = StatusMappings) =>
        new(sink, new FixedOptions(new OrderExchangeOptions { OrderStatusMappings = mappings }), TimeProvider.System);

    private static FileImportRequest Request(string path, long resumeAfter = 0) =>
        new("session-1", ExchangeType.Sale, Path.GetDirectoryName(path)!, Path.GetFileName(path), resumeAfter);

    private string TempFile(string name, string content, Encoding? encoding = null)
    {
        _tempFolder ??= Directory.CreateTempSubdirectory("onec-orders-").FullName;
        var path = Path.Combine(_tempFolder, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(true));
        return path;
    }

    // ---- expectations computed from the XML itself ----

    private static List<XElement> OrderDocuments(XDocument file) =>
        file.Root!.Elements().SelectMany(e => e.Name.LocalName == "Контейнер" ? e.Elements() : [e])
            .Where(e => e.Name.LocalName == "Документ").ToList();

    private sealed record Expected(string Id, string? OneCNumber, DateTime? OneCDate, bool Paid, bool Shipped, bool Cancelled,
        StoreOrderStatus Status);

    private static Expected Expect(XElement document)
    {
        var paidFlag = Requisite(document, "Оплачен") ?? Requisite(document, "Заказ оплачен");
        var paid = paidFlag != null ? paidFlag == "true"
            : IsGiven(Requisite(document, "Дата оплаты по 1С")) || Requisite(document, "Номер оплаты по 1С") != null;
        var shippedFlag = Requisite(document, "Отгружен");
        var shipped = shippedFlag != null ? shippedFlag == "true"
            : IsGiven(Requisite(document, "Дата отгрузки по 1С")) || Requisite(document, "Номер отгрузки по 1С") != null;
        var cancelled = Requisite(document, "Отменен") == "true"
                        || (Child(document, "ПометкаУдаления") ?? Requisite(document, "ПометкаУдаления")) == "true";
        var oneCDate = Child(document, "Дата1С") ?? Requisite(document, "Дата по 1С");
        var status = cancelled ? StoreOrderStatus.Cancelled
            : (Requisite(document, "Статус заказа"), Requisite(document, "Статуса заказа ИД")) switch
            {
                ("Открыт", _) => StoreOrderStatus.Processing,
                (_, "P") => StoreOrderStatus.Complete,
                _ => StoreOrderStatus.Pending,
            };
        return new Expected(Child(document, "Ид")!, Child(document, "Номер1С") ?? Requisite(document, "Номер по 1С"),
            IsGiven(oneCDate) ? DateTime.Parse(oneCDate![..10]) : null, paid && !cancelled, shipped && !cancelled, cancelled, status);
    }

    [TestCaseSource(nameof(OrderFiles))]
    public async Task Every_corpus_order_file_is_applied_with_the_changes_its_XML_describes(string name)
    {
        var path = CorpusFiles.Resolve("orders", name);
        var documents = OrderDocuments(XDocument.Load(path));
        var expected = documents.Select(Expect).ToList();
        var sink = new RecordingOrderChangeSink();
        foreach (var id in expected.Select(e => e.Id).Distinct().SkipLast(1))
            sink.Add(int.Parse(id));
        var unknown = expected.Select(e => e.Id).LastOrDefault();

        using var import = Factory(sink).Open(Request(path));
        Assert.That(await import.RunAsync(Later, CancellationToken.None), Is.True);

        Assert.That(import.ItemsCompleted, Is.EqualTo(documents.Count));
        Assert.That(sink.Commands, Has.Count.EqualTo(documents.Count));
        foreach (var order in expected.Where(e => e.Id != unknown))
        {
            var stored = sink.ByDocumentId(order.Id);
            Assert.That(stored.OneCNumber, Is.EqualTo(order.OneCNumber), $"{name} #{order.Id} 1C number");
            Assert.That(stored.OneCDate?.Date, Is.EqualTo(order.OneCDate), $"{name} #{order.Id} 1C date");
            Assert.That(stored.Paid, Is.EqualTo(order.Paid), $"{name} #{order.Id} paid");
            Assert.That(stored.Shipped, Is.EqualTo(order.Shipped), $"{name} #{order.Id} shipped");
            Assert.That(stored.Status, Is.EqualTo(order.Status), $"{name} #{order.Id} status");
        }
        if (unknown != null)
        {
            Assert.That(import.Counters.Failed, Is.EqualTo(1), "the one order the store does not have");
            Assert.That(import.Counters.Messages.Select(m => m.ToString()), Has.Some.Contains(unknown).And.Contains("не найден"));
            Assert.That(import.Counters.Updated + import.Counters.Skipped, Is.EqualTo(documents.Count - 1));
        }
        TestContext.Out.WriteLine($"{name}: {documents.Count} documents; {import.Counters}");
    }

    [Test]
    public void The_corpus_holds_1C_written_changes_of_every_kind()
    {
        var all = CorpusFiles.In("orders").Select(name => CorpusFiles.Resolve("orders", name))
            .SelectMany(path => OrderDocuments(XDocument.Load(path))).Select(Expect).ToList();
        Assert.That(all.Count(e => e.OneCNumber != null), Is.GreaterThan(20));
        Assert.That(all.Count(e => e.Paid), Is.GreaterThan(0));
        Assert.That(all.Count(e => e.Shipped), Is.GreaterThan(5));
        Assert.That(all.Count(e => e.Status == StoreOrderStatus.Processing), Is.EqualTo(2), "documents 92 and 93 are Открыт");
        Assert.That(all.Count(e => e.Status == StoreOrderStatus.Complete), Is.EqualTo(2), "ArgentCrusade's P documents");
    }

    private const string TwoOrders = """
        <?xml version="1.0" encoding="UTF-8"?>
        <КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_3" ВерсияСхемы="3.1" ДатаФормирования="2026-11-27T10:00:00">
          <Контейнер>
            <Документ>
              <Ид>101</Ид><Номер>101</Номер><Номер1С>ЗК-101   </Номер1С><Дата1С>2026-11-26</Дата1С>
              <ХозОперация>Заказ товара</ХозОперация>
              <ЗначенияРеквизитов>
                <ЗначениеРеквизита><Наименование>Дата оплаты по 1С</Наименование><Значение>T</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Номер оплаты по 1С</Наименование><Значение></Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Дата отгрузки по 1С</Наименование><Значение>T</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Проведен</Наименование><Значение>true</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Идентификатор отправления</Наименование><Значение>RA123</Значение></ЗначениеРеквизита>
              </ЗначенияРеквизитов>
            </Документ>
          </Контейнер>
          <Контейнер>
            <Документ>
              <Ид>102</Ид><Номер>102</Номер>
              <ХозОперация>Заказ товара</ХозОперация>
              <ЗначенияРеквизитов>
                <ЗначениеРеквизита><Наименование>Оплачен</Наименование><Значение>true</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Дата оплаты по 1С</Наименование><Значение>2026-11-26T12:00:00</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Отгружен</Наименование><Значение>true</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Номер отгрузки по 1С</Наименование><Значение>РН-5</Значение></ЗначениеРеквизита>
              </ЗначенияРеквизитов>
            </Документ>
            <Документ>
              <Ид>pay-1</Ид><Номер>ПП-1</Номер>
              <ХозОперация>Выплата безналичных денег</ХозОперация>
            </Документ>
          </Контейнер>
        </КоммерческаяИнформация>
        """;

    [Test]
    public void T_is_read_as_an_empty_date_and_unknown_requisites_are_kept()
    {
        using var reader = new OrderChangesReader(new MemoryStream(Encoding.UTF8.GetBytes(TwoOrders)), "changes.xml");
        var changes = reader.ReadDocuments().ToList();

        Assert.That(reader.Header!.SchemaVersion, Is.EqualTo("3.1"));
        Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "101", "102", "pay-1" }));
        var first = changes[0];
        Assert.That(first.OneCNumber, Is.EqualTo("ЗК-101"));
        Assert.That(first.OneCDate, Is.EqualTo(new DateTime(2026, 11, 26)));
        Assert.That(first.PaymentDate, Is.Null);
        Assert.That(first.PaymentNumber, Is.Null);
        Assert.That(first.ShipmentDate, Is.Null);
        Assert.That(first.Posted, Is.True);
        Assert.That(first.Requisites.Select(r => r.Name), Does.Contain("Идентификатор отправления"));
        Assert.That(reader.Warnings, Is.Empty, "T is 1C's empty date, not a bad one");
    }

    [Test]
    public async Task Paid_and_shipped_flags_are_applied_empty_dates_change_nothing_and_other_documents_are_skipped()
    {
        var sink = new RecordingOrderChangeSink();
        sink.Add(101);
        sink.Add(102);
        using var import = Factory(sink).Open(Request(TempFile("changes.xml", TwoOrders)));
        await import.RunAsync(Later, CancellationToken.None);

        Assert.That(sink.Orders[101].Paid || sink.Orders[101].Shipped, Is.False);
        Assert.That(sink.Orders[101].OneCNumber, Is.EqualTo("ЗК-101"));
        Assert.That(sink.Orders[102].Paid && sink.Orders[102].Shipped, Is.True);
        Assert.That(sink.Orders[102].TrackingNumber, Is.EqualTo("РН-5"));
        Assert.That(sink.Commands.Select(c => c.DocumentId), Is.EqualTo(new[] { "101", "102" }), "the payment document is not an order");
        Assert.That(import.Counters.Updated, Is.EqualTo(2));
        Assert.That(import.Counters.Skipped, Is.EqualTo(1));
        Assert.That(import.ItemsCompleted, Is.EqualTo(3));
    }

    [Test]
    public async Task An_order_found_by_number_only_is_changed()
    {
        var sink = new RecordingOrderChangeSink();
        sink.Add(500, number: "101");
        using var import = Factory(sink).Open(Request(TempFile("changes.xml", TwoOrders.Replace("<Ид>101</Ид>", "<Ид>gone</Ид>"))));
        await import.RunAsync(Later, CancellationToken.None);

        Assert.That(sink.Orders[500].OneCNumber, Is.EqualTo("ЗК-101"));
    }

    [Test]
    public async Task Illegal_transitions_are_reported_not_forced()
    {
        var sink = new RecordingOrderChangeSink();
        sink.Add(101);
        sink.Add(102).Status = StoreOrderStatus.Cancelled;
        using var import = Factory(sink).Open(Request(TempFile("changes.xml", TwoOrders)));
        await import.RunAsync(Later, CancellationToken.None);

        Assert.That(sink.Orders[102].Paid || sink.Orders[102].Shipped, Is.False);
        Assert.That(import.Counters.Warnings, Is.EqualTo(2));
        Assert.That(import.Counters.Messages.Where(m => m.ToString().StartsWith("Заказ 102")).ToList(), Has.Count.EqualTo(2));
    }

    [Test]
    public void A_windows_1251_file_reads_like_its_utf8_original()
    {
        var path = CorpusFiles.Resolve("orders", "ArgentCrusade__commerceml__documents-example.xml");
        var text = File.ReadAllText(path).Replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\"");
        var cp1251 = TempFile("cp1251.xml", text, Encoding.GetEncoding(1251));

        static List<(string?, string?)> Read(string file)
        {
            using var reader = new OrderChangesReader(File.OpenRead(file), Path.GetFileName(file));
            return reader.ReadDocuments().Select(c => (c.OneCNumber, c.ShipmentNumber)).ToList();
        }
        Assert.That(Read(cp1251), Is.EqualTo(Read(path)));
        Assert.That(Read(cp1251).Select(r => r.Item1), Has.All.StartWith("ТДЦУ-"));
    }

    [Test]
    public void Bad_xml_fails_the_import_before_any_order_changes()
    {
        var path = CorpusFiles.Resolve("orders", "irpsv__commerceml__bitrix-module-6__documents_2_documents.xml");
        var text = File.ReadAllText(path);
        var truncated = TempFile("documents.xml", text[..(text.Length * 3 / 4)]);
        var sink = new RecordingOrderChangeSink();
        foreach (var id in new[] { 319, 479, 480, 481 })
            sink.Add(id);

        using var import = Factory(sink).Open(Request(truncated));
        Assert.That(() => import.RunAsync(Later, CancellationToken.None),
            Throws.InstanceOf<ImportException>().With.Message.Contains("documents.xml"));
        Assert.That(sink.Commands, Is.Empty);
    }

    [Test]
    public async Task Steps_resume_after_the_documents_already_applied()
    {
        var path = CorpusFiles.Resolve("orders", "irpsv__commerceml__bitrix-module-6__documents_1_documents.xml");
        var count = OrderDocuments(XDocument.Load(path)).Count;
        var sink = new RecordingOrderChangeSink();
        foreach (var document in OrderDocuments(XDocument.Load(path)))
            sink.Add(int.Parse(Child(document, "Ид")!));

        using (var first = Factory(sink).Open(Request(path)))
        {
            Assert.That(await first.RunAsync(DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None), Is.False);
            Assert.That(await first.RunAsync(DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None), Is.False);
            Assert.That(first.ItemsCompleted, Is.EqualTo(2), "a spent deadline still moves one document per step");
            Assert.That(first.ProgressMessage, Does.Contain($"2 из {count}"));
        }
        using var resumed = Factory(sink).Open(Request(path, resumeAfter: 2));
        Assert.That(await resumed.RunAsync(Later, CancellationToken.None), Is.True);

        Assert.That(resumed.ItemsCompleted, Is.EqualTo(count));
        Assert.That(sink.Commands.Select(c => c.DocumentId), Is.EqualTo(OrderDocuments(XDocument.Load(path)).Select(d => Child(d, "Ид"))),
            "each document applied exactly once");
    }

    [Test]
    public async Task A_status_mapped_to_Cancelled_cancels_and_unreadable_values_are_warned_about()
    {
        var changes = TwoOrders.Replace("<Значение>2026-11-26T12:00:00</Значение>", "<Значение>вчера</Значение>")
            .Replace("<Наименование>Проведен</Наименование>", "<Наименование>Статус заказа</Наименование>");
        var sink = new RecordingOrderChangeSink();
        sink.Add(101);
        sink.Add(102);
        using var import = Factory(sink, "true=Cancelled").Open(Request(TempFile("changes.xml", changes)));
        await import.RunAsync(Later, CancellationToken.None);

        Assert.That(sink.Orders[101].Status, Is.EqualTo(StoreOrderStatus.Cancelled), "Статус заказа \"true\" maps to Cancelled");
        Assert.That(sink.Commands[0].Cancel, Is.True);
        Assert.That(import.Counters.Warnings, Is.EqualTo(1));
        Assert.That(import.Counters.Messages.Select(m => m.ToString()), Has.Some.Contains("вчера").And.Contains("changes.xml("));
    }

    [Test]
    public void A_bad_status_mapping_is_a_clear_error()
    {
        var sink = new RecordingOrderChangeSink();
        using var import = Factory(sink, "Открыт=Shipped").Open(Request(TempFile("changes.xml", TwoOrders)));
        Assert.That(() => import.RunAsync(Later, CancellationToken.None),
            Throws.InstanceOf<ImportException>().With.Message.Contains("статусов").And.Message.Contains("строки 1 "));
    }

    [Test]
    public void Files_outside_the_session_folder_and_catalog_files_are_refused()
    {
        var factory = Factory(new RecordingOrderChangeSink());
        var folder = TestPaths.CorpusOrSkip("orders");
        Assert.That(() => factory.Open(new FileImportRequest("s", ExchangeType.Sale, folder, "../catalog/x.xml", 0)),
            Throws.InstanceOf<ImportException>());
        Assert.That(() => factory.Open(new FileImportRequest("s", ExchangeType.Catalog, folder, "x.xml", 0)),
            Throws.ArgumentException);
    }
}
