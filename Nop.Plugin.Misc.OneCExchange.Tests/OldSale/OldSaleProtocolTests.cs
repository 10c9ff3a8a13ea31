using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Orders;
using OneCExchange.Tests.Protocol;

namespace OneCExchange.Tests.OldSale;

/// <summary>
/// The old sale protocol: a 1C module that sends no version at init uploads its order changes with mode=file and
/// never sends mode=import, so the store imports the upload within that request. Over the loopback host with Core's
/// real order exchange and order-changes import.
/// </summary>
public class OldSaleProtocolTests : LoopbackTestBase
{
    private InMemoryOrderSource _source = null!;
    private RecordingOrderChangeSink _sink = null!;

    [SetUp]
    public void UseRealOrders()
    {
        _source = new InMemoryOrderSource();
        _source.Add(SampleOrders.Person(41));
        _source.Add(SampleOrders.Company(42));
        _sink = new RecordingOrderChangeSink();
        _sink.Add(41);
        _sink.Add(42);
        var options = new FixedOptions(new OrderExchangeOptions());
        Host.OrdersOverride = new OrderExchange(_source, options, Host.Time);
        Host.SaleImportOverride = new OrderChangesImportFactory(_sink, options, Host.Time);
        // A zero budget makes every step apply a single document, so a file of several documents takes several steps.
        Host.Options = Host.Options with { StepTimeBudget = TimeSpan.Zero };
    }

    private static string Changes(params (int Id, string OneCNumber)[] documents) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<КоммерческаяИнформация ВерсияСхемы=\"2.05\" ДатаФормирования=\"2026-11-27T12:00:00\">"
        + string.Concat(documents.Select(d =>
            $"<Документ><Ид>{d.Id}</Ид><Номер>{d.Id}</Номер><Номер1С>{d.OneCNumber}</Номер1С><Дата>2026-11-27</Дата>"
            + "<ХозОперация>Заказ товара</ХозОперация><Роль>Продавец</Роль><Валюта>руб</Валюта><Сумма>100</Сумма></Документ>"))
        + "</КоммерческаяИнформация>";

    private static Dictionary<int, string> OneCNumbersIn(string xml) =>
        XDocument.Parse(xml).Descendants("Документ").ToDictionary(d => (int)d.Element("Ид")!, d => (string)d.Element("Номер1С")!);

    private static string CountsLine(string file, int updated) =>
        $"Файл {file} загружен: создано 0, обновлено {updated}, без изменений 0, снято с публикации 0, ошибок 0, предупреждений 0.";

    private async Task<(string Cookie, string Sessid)> StartOldSaleAsync()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("sale");
        Assert.That(await Raw.GetAsync("type=sale&mode=init", cookie), Is.EqualTo("zip=no\nfile_limit=65536"),
            "without version the init answer has two lines");
        return (cookie, sessid);
    }

    private Dictionary<int, string?> StoreOneCNumbers() => _sink.Orders.ToDictionary(o => o.Key, o => o.Value.OneCNumber);

    [Test]
    public async Task Old_style_conversation_applies_the_uploaded_changes_at_once()
    {
        var (cookie, _) = await StartOldSaleAsync();
        var document = XDocument.Parse(await Raw.GetAsync("type=sale&mode=query", cookie));
        Assert.That(document.Descendants("Документ").Select(d => (string)d.Element("Ид")!), Is.EqualTo(new[] { "41", "42" }));
        Assert.That(await Raw.GetAsync("type=sale&mode=success", cookie), Is.EqualTo("success"));
        Assert.That(_source.IsConfirmedAtCurrentVersion(41) && _source.IsConfirmedAtCurrentVersion(42), Is.True);

        var changes = Changes((41, "А-41"), (42, "А-42"));
        var expected = OneCNumbersIn(changes);
        var answer = await Raw.PostAsync("type=sale&mode=file&filename=orders-changes.xml", Encoding.UTF8.GetBytes(changes), cookie);

        Assert.That(answer, Is.EqualTo("success\n" + CountsLine("orders-changes.xml", expected.Count)));
        Assert.That(StoreOneCNumbers(), Is.EqualTo(expected), "applied within the file request, without mode=import");
        Assert.That(_sink.Commands, Has.Count.EqualTo(expected.Count), "each document applied once across the steps");

        var logged = Host.Log.Entries.Last();
        Assert.That((logged.Mode, logged.Outcome, logged.FileName), Is.EqualTo(("file", ExchangeOutcome.Success, "orders-changes.xml")));
        Assert.That(logged.Counters!.Updated, Is.EqualTo(expected.Count), "the log counts every step of the import");
        Assert.That(logged.FileSizeBytes, Is.EqualTo(Encoding.UTF8.GetByteCount(changes)));
    }

    [Test]
    public async Task New_style_file_only_stages_and_import_applies()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("sale");
        await Raw.GetAsync($"type=sale&mode=init&sessid={sessid}&version=2.08", cookie);
        var changes = Changes((41, "Б-41"), (42, "Б-42"));

        Assert.That(await Raw.PostAsync($"type=sale&mode=file&filename=changes.xml&sessid={sessid}", Encoding.UTF8.GetBytes(changes), cookie),
            Is.EqualTo("success"));
        Assert.That(_sink.Commands, Is.Empty, "with version, file only stores the upload");

        var answers = new List<string>();
        do
            answers.Add(await Raw.GetAsync($"type=sale&mode=import&filename=changes.xml&sessid={sessid}", cookie));
        while (answers[^1].StartsWith("progress", StringComparison.Ordinal));
        Assert.That(answers, Has.Count.GreaterThan(1), "import still works in steps with progress");
        Assert.That(answers[^1], Is.EqualTo("success\n" + CountsLine("changes.xml", 2)));
        Assert.That(StoreOneCNumbers(), Is.EqualTo(OneCNumbersIn(changes)));
    }

    [Test]
    public async Task Old_style_catalog_upload_is_still_only_staged()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        var body = Encoding.UTF8.GetBytes("<КоммерческаяИнформация><Каталог/></КоммерческаяИнформация>");

        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", body, cookie), Is.EqualTo("success"));
        Assert.That(Host.CatalogImports.Applied, Is.Empty);
        Assert.That(File.Exists(Path.Combine(StagedFolderOfOnlySession(), "import.xml")), Is.True);
    }

    [Test]
    public async Task Old_style_truncated_file_fails_and_applies_nothing()
    {
        var (cookie, _) = await StartOldSaleAsync();
        var changes = Changes((41, "В-41"), (42, "В-42"));
        // Cut inside the second document: the first one is complete, yet must not be applied.
        var truncated = changes[..(changes.LastIndexOf("<Номер1С>", StringComparison.Ordinal) + 4)];

        var answer = await Raw.PostAsync("type=sale&mode=file&filename=changes.xml", Encoding.UTF8.GetBytes(truncated), cookie);

        Assert.That(answer, Does.StartWith("failure\nОшибка загрузки файла changes.xml: Файл changes.xml не загружен: "));
        Assert.That(answer.Split('\n'), Has.Length.EqualTo(2));
        Assert.That(_sink.Commands, Is.Empty);
        Assert.That(_sink.Orders.Values.Select(o => o.OneCNumber), Has.All.Null);
        Assert.That(Host.Log.Entries.Last().Outcome, Is.EqualTo(ExchangeOutcome.Failure));
    }

    [Test]
    public async Task Old_style_zip_upload_imports_each_xml_file_it_holds()
    {
        var (cookie, _) = await StartOldSaleAsync();
        var first = Changes((41, "Г-41"));
        var second = Changes((42, "Г-42"));
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("a.xml", first), ("b.xml", second) })
            {
                using var entry = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                entry.Write(text);
            }
        }

        var answer = await Raw.PostAsync("type=sale&mode=file&filename=changes.zip", zip.ToArray(), cookie);

        Assert.That(answer, Is.EqualTo($"success\n{CountsLine("a.xml", 1)}\n{CountsLine("b.xml", 1)}"));
        Assert.That(StoreOneCNumbers(), Is.EqualTo(OneCNumbersIn(first).Concat(OneCNumbersIn(second)).ToDictionary()));
        Assert.That(File.Exists(Path.Combine(StagedFolderOfOnlySession(), "changes.zip")), Is.False, "the zip is unpacked");
    }

    [Test]
    public async Task Old_style_upload_of_a_known_name_replaces_the_earlier_file_and_is_imported_again()
    {
        var (cookie, _) = await StartOldSaleAsync();
        var earlier = Changes((41, "Д-41"));
        var later = Changes((41, "Е-41"));

        Assert.That(await Raw.PostAsync("type=sale&mode=file&filename=changes.xml", Encoding.UTF8.GetBytes(earlier), cookie),
            Does.StartWith("success"));
        var answer = await Raw.PostAsync("type=sale&mode=file&filename=changes.xml", Encoding.UTF8.GetBytes(later), cookie);

        Assert.That(answer, Is.EqualTo("success\n" + CountsLine("changes.xml", 1)));
        Assert.That(_sink.Orders[41].OneCNumber, Is.EqualTo(OneCNumbersIn(later)[41]));
        Assert.That(File.ReadAllText(Path.Combine(StagedFolderOfOnlySession(), "changes.xml")), Is.EqualTo(later),
            "not appended to the earlier upload");
    }

    [Test]
    public async Task Replay_without_version_uploads_the_changes_once_and_sends_no_import()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 3);
        var changes = Path.Combine(Scratch, "changes.xml");
        File.WriteAllText(changes, Changes((41, "Ж-41"), (42, "Ж-42")), new UTF8Encoding(false));
        var output = new StringWriter();

        await new OneCExchange.Cli.Replay.ReplayRunner(Http, output).RunAsync(
            Replay(package) with { Sale = true, SaleChangesFile = changes }, CancellationToken.None);

        Assert.That(StoreOneCNumbers(), Is.EqualTo(OneCNumbersIn(File.ReadAllText(changes))));
        var sale = Host.Log.Entries.Where(e => e.Type == ExchangeType.Sale).ToList();
        Assert.That(sale.Count(e => e.Mode == "file"), Is.EqualTo(1));
        Assert.That(sale.Where(e => e.Mode == "import"), Is.Empty);
        Assert.That(output.ToString(), Does.Contain("file changes.xml: " + CountsLine("changes.xml", 2)));
    }

    [Test]
    public async Task Old_style_zip_without_xml_or_not_a_zip_is_a_failure()
    {
        var (cookie, _) = await StartOldSaleAsync();
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            await using (var entry = archive.CreateEntry("readme.txt").Open())
                entry.Write("нет документов"u8);

        Assert.That(await Raw.PostAsync("type=sale&mode=file&filename=empty.zip", zip.ToArray(), cookie),
            Is.EqualTo("failure\nВ архиве empty.zip нет XML-файлов."));

        (cookie, _) = await StartOldSaleAsync();
        Assert.That(await Raw.PostAsync("type=sale&mode=file&filename=broken.zip", Encoding.UTF8.GetBytes(Changes((41, "З-41"))), cookie),
            Is.EqualTo("failure\nАрхив broken.zip повреждён или не является zip-архивом. Архив broken.zip удалён, обмен можно продолжать."));
        Assert.That(_sink.Commands, Is.Empty);
    }
}
