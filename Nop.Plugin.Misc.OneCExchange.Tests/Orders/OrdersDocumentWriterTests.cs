using System.Text;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Orders;

public class OrdersDocumentWriterTests
{
    private static readonly DateTime GeneratedAt = new(2026, 11, 27, 12, 0, 0);

    [OneTimeSetUp]
    public void EnableWindows1251() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal static async Task<byte[]> WriteAsync(OrdersDocumentFormat format, params OrderSnapshot[] orders)
    {
        using var output = new AsyncOnlyStream();
        await using (var writer = new OrdersDocumentWriter(output, format))
        {
            await writer.WriteStartAsync(GeneratedAt, CancellationToken.None);
            foreach (var order in orders)
                await writer.WriteOrderAsync(order, CancellationToken.None);
            await writer.WriteEndAsync(CancellationToken.None);
        }
        return output.ToArray();
    }

    private static XDocument Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream);
    }

    private static IEnumerable<XElement> Documents(XDocument document) => document.Descendants("Документ");

    private static List<string> ChildNames(XElement element) => element.Elements().Select(e => e.Name.LocalName).ToList();

    private static string Requisite(XElement owner, string name) =>
        owner.Element("ЗначенияРеквизитов")!.Elements("ЗначениеРеквизита")
            .Single(r => (string)r.Element("Наименование")! == name).Element("Значение")!.Value;

    /// <summary>The names of <paramref name="actual"/> appear in the order they have in <paramref name="declared"/>.</summary>
    private static void AssertDeclaredOrder(IReadOnlyList<string> actual, IReadOnlyList<string> declared, string where)
    {
        var positions = actual.Select(name => declared.ToList().IndexOf(name)).ToList();
        Assert.That(positions, Has.None.EqualTo(-1),
            $"{where}: element(s) {string.Join(", ", actual.Where(n => !declared.Contains(n)))} not declared by the schema");
        Assert.That(positions, Is.Ordered, $"{where}: [{string.Join(", ", actual)}] not in schema order [{string.Join(", ", declared)}]");
    }

    /// <summary>Every element of the sample is present, and the shared ones come in the sample's order.</summary>
    private static void AssertCoversSample(List<string> actual, List<string> sample, string where, params string[] notWritten)
    {
        var expected = sample.Distinct().Except(notWritten).ToList();
        Assert.That(actual.Distinct(), Is.SupersetOf(expected), $"{where}: elements of 1C's sample missing");
        var shared = actual.Distinct().Where(expected.Contains).ToList();
        Assert.That(shared, Is.EqualTo(expected.Where(shared.Contains).ToList()), $"{where}: order differs from 1C's sample");
    }

    [TestCase("2.05", "Rupreht__cml1c__CML205.xsd")]
    [TestCase("2.08", "Rupreht__cml1c__CML208.xsd")]
    [TestCase("2.10", "carono__yii2-1c-exchange__commerceML_2.10.xsd")]
    public async Task Every_written_element_is_declared_by_the_schema_of_its_version_in_schema_order(string version, string xsd)
    {
        var schemaPath = Path.Combine(TestPaths.CorpusOrSkip("xsd"), xsd);
        var schema = new CommerceMlSchema(schemaPath);
        var format = new OrdersDocumentFormat(version, Encoding.UTF8);
        var document = Parse(await WriteAsync(format, SampleOrders.Person(1), SampleOrders.Company(2)));

        Assert.That(Documents(document).Count(), Is.EqualTo(2));
        foreach (var order in Documents(document))
        {
            string[] path = ["Документ"];
            AssertDeclaredOrder(ChildNames(order), schema.ChildrenOf(path), "Документ");
            var contractor = order.Element("Контрагенты")!.Element("Контрагент")!;
            AssertDeclaredOrder(ChildNames(contractor), schema.ChildrenOf([.. path, "Контрагенты", "Контрагент"]), "Контрагент");
            foreach (var representative in contractor.Elements("Представители").Elements("Представитель"))
                AssertDeclaredOrder(ChildNames(representative), schema.ChildrenOf([.. path, "Контрагенты", "Контрагент", "Представители", "Представитель"]), "Представитель");
            foreach (var line in order.Element("Товары")!.Elements("Товар"))
                AssertDeclaredOrder(ChildNames(line), schema.ChildrenOf([.. path, "Товары", "Товар"]), "Товар");
        }
    }

    [Test]
    public async Task A_person_order_has_every_element_of_1Cs_sample_site_order_in_its_order()
    {
        var sample = XDocument.Load(Path.Combine(TestPaths.CorpusOrSkip("orders"), "carono__yii2-1c-exchange__from.xml"));
        var sampleDocument = Documents(sample).Single();
        var ours = Documents(Parse(await WriteAsync(OrdersDocumentFormat.Default, SampleOrders.Person(36)))).Single();

        AssertCoversSample(ChildNames(ours), ChildNames(sampleDocument), "Документ");
        AssertCoversSample(ChildNames(ours.Element("Контрагенты")!.Element("Контрагент")!),
            ChildNames(sampleDocument.Element("Контрагенты")!.Element("Контрагент")!).Where(n => n != "Роль").ToList(),
            "Контрагент", "Представители"); // 1C creates a person contractor from its own name; no contact person needed
        var sampleRequisites = sampleDocument.Element("ЗначенияРеквизитов")!.Elements().Select(r => (string)r.Element("Наименование")!);
        var ourRequisites = ours.Element("ЗначенияРеквизитов")!.Elements().Select(r => (string)r.Element("Наименование")!);
        Assert.That(ourRequisites, Is.SupersetOf(sampleRequisites));
        var sampleDelivery = sampleDocument.Descendants("Товар").Single(t => (string)t.Element("Ид")! == "ORDER_DELIVERY");
        var ourDelivery = ours.Descendants("Товар").Single(t => (string)t.Element("Ид")! == "ORDER_DELIVERY");
        Assert.That((string)ourDelivery.Element("Наименование")!, Is.EqualTo((string)sampleDelivery.Element("Наименование")!));
        Assert.That(Requisite(ourDelivery, "ТипНоменклатуры"), Is.EqualTo(Requisite(sampleDelivery, "ТипНоменклатуры")));
        Assert.That(Requisite(ourDelivery, "ВидНоменклатуры"), Is.EqualTo(Requisite(sampleDelivery, "ВидНоменклатуры")));
    }

    [Test]
    public async Task Contractor_and_lines_follow_1Cs_official_order_sample()
    {
        // 1C's own sample (off-doc-1c orders.xml, document 36) orders Контрагент and Товар as the schema does;
        // the Bitrix-written from.xml moves Роль and ЗначенияРеквизитов, which the schema does not allow.
        var sample = XDocument.Load(Path.Combine(TestPaths.CorpusOrSkip("orders"), "irpsv__commerceml__off-doc-1c__orders.xml"));
        var sampleDocument = Documents(sample).First(d => (string)d.Element("Ид")! == "36");
        var ours = Documents(Parse(await WriteAsync(OrdersDocumentFormat.Default, SampleOrders.Person(36)))).Single();

        AssertCoversSample(ChildNames(ours.Element("Контрагенты")!.Element("Контрагент")!),
            ChildNames(sampleDocument.Element("Контрагенты")!.Element("Контрагент")!), "Контрагент", "Представители");
        var sampleLine = sampleDocument.Descendants("Товар").Single(t => (string)t.Element("Ид")! != "ORDER_DELIVERY");
        var ourLine = ours.Descendants("Товар").First();
        AssertCoversSample(ChildNames(ourLine), ChildNames(sampleLine), "Товар");
        Assert.That(ourLine.Element("БазоваяЕдиница")!.Attributes().Select(a => a.Name.LocalName),
            Is.EquivalentTo(sampleLine.Element("БазоваяЕдиница")!.Attributes().Select(a => a.Name.LocalName)));
    }

    [Test]
    public async Task Written_values_parse_back_to_the_snapshot()
    {
        var person = SampleOrders.Person(7);
        var company = SampleOrders.Company(8);
        var document = Parse(await WriteAsync(OrdersDocumentFormat.Default, person, company));
        var root = document.Root!;
        Assert.That((string)root.Attribute("ВерсияСхемы")!, Is.EqualTo("2.08"));
        Assert.That((string)root.Attribute("ДатаФормирования")!, Is.EqualTo("2026-11-27T12:00:00"));

        var written = Documents(document).ToList();
        foreach (var (order, element) in new[] { person, company }.Zip(written))
        {
            Assert.That((string)element.Element("Ид")!, Is.EqualTo(order.DocumentId));
            Assert.That((string)element.Element("Номер")!, Is.EqualTo(order.Number));
            Assert.That((string)element.Element("Дата")!, Is.EqualTo(order.CreatedOn.ToString("yyyy-MM-dd")));
            Assert.That((string)element.Element("Время")!, Is.EqualTo(order.CreatedOn.ToString("HH:mm:ss")));
            Assert.That((string)element.Element("ХозОперация")!, Is.EqualTo("Заказ товара"));
            Assert.That((string)element.Element("Роль")!, Is.EqualTo("Продавец"));
            Assert.That((decimal)element.Element("Сумма")!, Is.EqualTo(order.Total));
            Assert.That((string)element.Element("Комментарий")!, Is.EqualTo(order.Comment));
            var lines = element.Element("Товары")!.Elements("Товар").ToList();
            Assert.That(lines, Has.Count.EqualTo(order.Lines.Count + 1), "lines plus the delivery line");
            Assert.That(lines.Sum(l => (decimal)l.Element("Сумма")!), Is.EqualTo(order.Lines.Sum(l => l.Sum) + order.ShippingCost));
            Assert.That(lines.Select(l => (string)l.Element("Ид")!),
                Is.EqualTo(order.Lines.Select(l => l.OneCId ?? l.SiteId).Append("ORDER_DELIVERY")));
            var siteOnly = lines[1];
            Assert.That((string)siteOnly.Element("Артикул")!, Is.EqualTo(order.Lines[1].Sku));
            Assert.That((decimal)siteOnly.Element("Скидки")!.Element("Скидка")!.Element("Сумма")!, Is.EqualTo(order.Lines[1].Discount));
            Assert.That((string)siteOnly.Element("Налоги")!.Element("Налог")!.Element("Ставка")!, Is.EqualTo("20"));
            Assert.That((decimal)element.Element("Налоги")!.Element("Налог")!.Element("Сумма")!,
                Is.EqualTo(order.Lines.Sum(l => l.Vat!.Amount) + order.ShippingVat!.Amount));
            Assert.That((decimal)element.Element("Скидки")!.Element("Скидка")!.Element("Сумма")!, Is.EqualTo(order.Discounts[0].Amount));
            Assert.That(Requisite(element, "Заказ оплачен"), Is.EqualTo(order.IsPaid ? "true" : "false"));
            Assert.That(Requisite(element, "Доставка разрешена"), Is.EqualTo(order.ShippingAllowed ? "true" : "false"));
            Assert.That(Requisite(element, "Отменен"), Is.EqualTo("false"));
            Assert.That(Requisite(element, "Метод оплаты"), Is.EqualTo(order.PaymentMethodName));
            Assert.That(Requisite(element, "Метод оплаты ИД"), Is.EqualTo(order.PaymentMethodId));
            Assert.That(Requisite(element, "Способ доставки"), Is.EqualTo(order.ShippingMethodName));
            Assert.That(Requisite(element, "Метод доставки ИД"), Is.EqualTo(order.ShippingMethodId));
            Assert.That(Requisite(element, "Статуса заказа ИД"), Is.EqualTo(((int)order.Status).ToString()));
            Assert.That(Requisite(element, "Статус заказа"), Does.EndWith(order.StatusName));
            Assert.That(Requisite(element, "Дата изменения статуса"), Is.EqualTo("2026-11-20 15:19:27"));
            Assert.That(Requisite(element, "Сайт"), Is.EqualTo("shop.example.ru"));

            var contractor = element.Element("Контрагенты")!.Element("Контрагент")!;
            Assert.That((string)contractor.Element("Ид")!, Is.EqualTo(order.Customer.Id));
            Assert.That((string)contractor.Element("Наименование")!, Is.EqualTo(order.Customer.Name));
            Assert.That((string)contractor.Element("Роль")!, Is.EqualTo("Покупатель"));
            var contacts = contractor.Element("Контакты")!.Elements("Контакт")
                .ToDictionary(c => (string)c.Element("Тип")!, c => (string)c.Element("Значение")!);
            Assert.That(contacts["Почта"], Is.EqualTo(order.Customer.Email));
        }

        var personContractor = written[0].Descendants("Контрагент").First();
        Assert.That((string)personContractor.Element("Фамилия")!, Is.EqualTo("Иванов"));
        Assert.That((string)personContractor.Element("Отчество")!, Is.EqualTo("Петрович"));
        var registration = personContractor.Element("АдресРегистрации")!;
        Assert.That(registration.Elements("АдресноеПоле").Select(f => ((string)f.Element("Тип")!, (string)f.Element("Значение")!)),
            Is.EqualTo(new[] { ("Почтовый индекс", "101000"), ("Страна", "Россия"), ("Регион", "Москва"), ("Город", "Москва"),
                ("Улица", "ул. Мясницкая, 1") }));
        Assert.That((string)registration.Element("Представление")!, Is.EqualTo("101000, Россия, Москва, Москва, ул. Мясницкая, 1"));
        Assert.That(Requisite(written[0], "Адрес доставки"), Is.EqualTo("400066, Россия, Волгоград, ул. Комсомольская, 6"));

        var companyContractor = written[1].Descendants("Контрагент").First();
        Assert.That((string)companyContractor.Element("ИНН")!, Is.EqualTo("7701234567"));
        Assert.That((string)companyContractor.Element("КПП")!, Is.EqualTo("770101001"));
        Assert.That((string)companyContractor.Element("ОфициальноеНаименование")!, Is.EqualTo(company.Customer.FullName));
        Assert.That(companyContractor.Element("ЮридическийАдрес"), Is.Not.Null);
        Assert.That(companyContractor.Element("Фамилия"), Is.Null, "a company has no person name of its own");
        var contact = companyContractor.Element("Представители")!.Element("Представитель")!;
        Assert.That((string)contact.Element("Наименование")!, Is.EqualTo("Петров Пётр"));
        Assert.That((string)contact.Element("Отношение")!, Is.EqualTo("Контактное лицо"));
        Assert.That(Requisite(written[1], "Дата оплаты"), Is.EqualTo("2026-11-21 10:00:00"));
    }

    [Test]
    public async Task Free_delivery_writes_no_delivery_line()
    {
        var order = SampleOrders.Person(9, shippingCost: 0m);
        var written = Documents(Parse(await WriteAsync(OrdersDocumentFormat.Default, order))).Single();
        Assert.That(written.Descendants("Товар").Select(t => (string)t.Element("Ид")!), Does.Not.Contain("ORDER_DELIVERY"));
        Assert.That(written.Descendants("Товар").Count(), Is.EqualTo(order.Lines.Count));
    }

    [TestCase("utf-8")]
    [TestCase("windows-1251")]
    public async Task Hostile_names_are_escaped_and_control_characters_dropped(string encoding)
    {
        const string hostile = "<script>alert('x')</script> & \"Ромашка\" ]]> \u0001\u000B\u001F end \uD800 ✓ 漢字";
        var order = SampleOrders.Person(10, name: hostile) with
        {
            Comment = hostile,
            Customer = SampleOrders.Person(10).Customer with { Name = hostile, Id = "guest-<&>\"'" },
        };
        var bytes = await WriteAsync(OrdersDocumentFormat.Resolve(null, "2.08", encoding), order);
        var written = Documents(Parse(bytes)).Single();

        var expected = "<script>alert('x')</script> & \"Ромашка\" ]]>  end  ✓ 漢字";
        Assert.That((string)written.Descendants("Товар").First().Element("Наименование")!, Is.EqualTo(expected));
        Assert.That((string)written.Element("Комментарий")!, Is.EqualTo(expected));
        Assert.That((string)written.Descendants("Контрагент").First().Element("Наименование")!, Is.EqualTo(expected));
        Assert.That((string)written.Descendants("Контрагент").First().Element("Ид")!, Is.EqualTo("guest-<&>\"'"));
        var text = OrdersDocumentFormat.ResolveEncoding(encoding).GetString(bytes);
        Assert.That(text, Does.Not.Contain("<script>"));
    }

    [Test]
    public async Task Windows_1251_output_is_single_byte_cyrillic_with_a_matching_declaration()
    {
        var format = OrdersDocumentFormat.Resolve(null, "2.08", "windows-1251");
        var bytes = await WriteAsync(format, SampleOrders.Person(11));
        var cp1251 = OrdersDocumentFormat.ResolveEncoding("windows-1251");

        Assert.That(format.ContentType, Is.EqualTo("application/xml; charset=windows-1251"));
        Assert.That(Encoding.ASCII.GetString(bytes, 0, 60), Does.StartWith("<?xml version=\"1.0\" encoding=\"windows-1251\""));
        var needle = cp1251.GetBytes("<Документ>");
        Assert.That(needle, Has.Length.EqualTo("<Документ>".Length));
        Assert.That(bytes.AsSpan().IndexOf(needle), Is.GreaterThan(0), "Cyrillic written as windows-1251 bytes");
        Assert.That((string)Documents(Parse(bytes)).Single().Element("Комментарий")!, Is.EqualTo("Позвонить перед доставкой"));
    }

    [Test]
    public async Task Utf8_output_has_no_byte_order_mark()
    {
        var bytes = await WriteAsync(OrdersDocumentFormat.Default, SampleOrders.Person(12));
        Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    }

    [TestCase("2.10", 3)]
    [TestCase("2.08", 0)]
    [TestCase("2.05", 0)]
    public async Task Version_2_10_wraps_each_order_in_its_own_container(string version, int containers)
    {
        var document = Parse(await WriteAsync(new OrdersDocumentFormat(version, Encoding.UTF8),
            SampleOrders.Person(1), SampleOrders.Person(2), SampleOrders.Company(3)));
        Assert.That((string)document.Root!.Attribute("ВерсияСхемы")!, Is.EqualTo(version));
        Assert.That(document.Root.Elements("Контейнер").Count(), Is.EqualTo(containers));
        if (containers > 0)
            Assert.That(document.Root.Elements("Контейнер").Select(c => c.Elements("Документ").Count()), Has.All.EqualTo(1));
        else
            Assert.That(document.Root.Elements("Документ").Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task An_empty_export_is_a_root_without_documents()
    {
        var document = Parse(await WriteAsync(OrdersDocumentFormat.Default));
        Assert.That(document.Root!.Name.LocalName, Is.EqualTo("КоммерческаяИнформация"));
        Assert.That(document.Root.HasElements, Is.False);
    }

    [TestCase("2.10", "2.08", "2.10")]
    [TestCase("3.1", "2.08", "2.10")]
    [TestCase("2.09", "2.05", "2.08")]
    [TestCase("2.03", "2.10", "2.05")]
    [TestCase(null, "2.10", "2.10")]
    [TestCase("", "2.05", "2.05")]
    [TestCase("garbage", "2.08", "2.08")]
    public void The_version_1C_sends_wins_over_the_setting(string? requested, string configured, string expected) =>
        Assert.That(OrdersDocumentFormat.Resolve(requested, configured, "utf-8").SchemaVersion, Is.EqualTo(expected));

    [Test]
    public void An_unsupported_setting_is_a_clear_error()
    {
        Assert.That(() => OrdersDocumentFormat.Resolve(null, "1.0", "utf-8"), Throws.ArgumentException.With.Message.Contains("2.05"));
        Assert.That(() => OrdersDocumentFormat.Resolve(null, "2.08", "koi8-r"), Throws.ArgumentException.With.Message.Contains("windows-1251"));
    }

    [Test]
    public async Task The_info_document_lists_statuses_under_a_latin_C_and_payment_and_delivery_services()
    {
        var data = new OrderReferenceData(
            [new("10", "Pending"), new("20", "Processing & <co>")],
            [new("Payments.CheckMoneyOrder", "Check", "Безналичный")],
            [new("Shipping.Pickup", "Самовывоз")]);
        using var output = new AsyncOnlyStream();
        await OrdersDocumentWriter.WriteReferenceDataAsync(output, OrdersDocumentFormat.Default, data, CancellationToken.None);
        var document = Parse(output.ToArray());

        Assert.That(document.Root!.Name.LocalName, Is.EqualTo("Справочник"));
        var statuses = document.Root.Elements().First();
        Assert.That(statuses.Name.LocalName, Is.EqualTo("\u0043татусы"));
        Assert.That((int)statuses.Name.LocalName[0], Is.EqualTo(0x43), "Latin C, as 1C-Bitrix writes it");
        Assert.That(statuses.Elements("Элемент").Select(e => (string)e.Element("Название")!), Is.EqualTo(new[] { "Pending", "Processing & <co>" }));
        Assert.That((string)document.Root.Element("ПлатежныеСистемы")!.Element("Элемент")!.Element("ТипОплаты")!, Is.EqualTo("Безналичный"));
        Assert.That((string)document.Root.Element("СлужбыДоставки")!.Element("Элемент")!.Element("Ид")!, Is.EqualTo("Shipping.Pickup"));
    }
}

/// <summary>A response-like stream: synchronous writes throw, as ASP.NET Core's do by default.</summary>
internal sealed class AsyncOnlyStream : Stream
{
    private readonly MemoryStream _content = new();

    public byte[] ToArray() => _content.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new InvalidOperationException("Synchronous writes are not allowed.");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _content.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() => throw new InvalidOperationException("Synchronous flushes are not allowed.");
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
