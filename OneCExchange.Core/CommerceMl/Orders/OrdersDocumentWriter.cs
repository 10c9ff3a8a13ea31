using System.Globalization;
using System.Xml;

namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>
/// Writes the orders document of mode=query, one order at a time, in the element order of the CommerceML schema
/// (the order 1C reads; matches 1C's own sample of a site's order). Each order is encoded into a small buffer and
/// copied to the output asynchronously, so memory stays flat whatever the number of orders and the output stream
/// (an HTTP response) is never written synchronously. No namespace is written, as 1C-Bitrix sites do.
/// </summary>
public sealed class OrdersDocumentWriter : IAsyncDisposable
{
    public const string DeliveryLineId = "ORDER_DELIVERY";
    public const string DeliveryLineName = "Доставка заказа";
    private const string VatName = "НДС";

    private readonly Stream _output;
    private readonly OrdersDocumentFormat _format;
    private readonly MemoryStream _buffer = new();
    private readonly XmlWriter _xml;
    private bool _started;
    private bool _ended;

    public OrdersDocumentWriter(Stream output, OrdersDocumentFormat format)
    {
        _output = output;
        _format = format;
        _xml = XmlWriter.Create(_buffer, CreateSettings(format));
    }

    public int OrdersWritten { get; private set; }

    /// <summary>The XML declaration and the root КоммерческаяИнформация.</summary>
    /// <param name="generatedAt">ДатаФормирования, store local time.</param>
    public Task WriteStartAsync(DateTime generatedAt, CancellationToken cancellationToken)
    {
        if (_started)
            throw new InvalidOperationException("The document is already started.");
        _started = true;
        _xml.WriteStartDocument();
        _xml.WriteStartElement("КоммерческаяИнформация");
        _xml.WriteAttributeString("ВерсияСхемы", _format.SchemaVersion);
        _xml.WriteAttributeString("ДатаФормирования", generatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        _xml.WriteAttributeString("ФорматДаты", "ДФ=yyyy-MM-dd; ДЛФ=DT");
        _xml.WriteAttributeString("ФорматВремени", "ДФ=ЧЧ:мм:сс; ДЛФ=T");
        _xml.WriteAttributeString("РазделительДатаВремя", "T");
        _xml.WriteAttributeString("ФорматСуммы", "ЧЦ=18; ЧДЦ=2; ЧРД=.");
        _xml.WriteAttributeString("ФорматКоличества", "ЧЦ=18; ЧДЦ=4; ЧРД=.");
        return FlushAsync(cancellationToken);
    }

    /// <summary>One Документ (inside its own Контейнер for 2.10).</summary>
    public Task WriteOrderAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        if (!_started || _ended)
            throw new InvalidOperationException("Orders are written between WriteStartAsync and WriteEndAsync.");
        if (_format.UsesContainer)
            _xml.WriteStartElement("Контейнер");
        WriteDocument(order);
        if (_format.UsesContainer)
            _xml.WriteEndElement();
        OrdersWritten++;
        return FlushAsync(cancellationToken);
    }

    public Task WriteEndAsync(CancellationToken cancellationToken)
    {
        if (!_started || _ended)
            throw new InvalidOperationException("The document is not started or already ended.");
        _ended = true;
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        return FlushAsync(cancellationToken);
    }

    /// <summary>The mode=info document: Справочник with Cтатусы (a Latin "C", byte-exact as 1C-Bitrix writes it),
    /// ПлатежныеСистемы and СлужбыДоставки, each a list of Элемент (Ид, Название[, ТипОплаты]).</summary>
    public static async Task WriteReferenceDataAsync(Stream output, OrdersDocumentFormat format, OrderReferenceData data,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, CreateSettings(format)))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Справочник");
            WriteReferenceList(xml, "Cтатусы", data.Statuses);
            WriteReferenceList(xml, "ПлатежныеСистемы", data.PaymentSystems);
            WriteReferenceList(xml, "СлужбыДоставки", data.DeliveryServices);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _xml.Dispose();
        await _buffer.DisposeAsync().ConfigureAwait(false);
    }

    private static XmlWriterSettings CreateSettings(OrdersDocumentFormat format) => new()
    {
        Encoding = format.Encoding,
        Indent = true,
        IndentChars = "\t",
        NewLineChars = "\n",
        CloseOutput = false,
        CheckCharacters = true,
    };

    private static void WriteReferenceList(XmlWriter xml, string name, IReadOnlyList<ReferenceItem> items)
    {
        xml.WriteStartElement(name);
        foreach (var item in items)
        {
            xml.WriteStartElement("Элемент");
            xml.WriteCleanElement("Ид", item.Id);
            xml.WriteCleanElement("Название", item.Name);
            if (item.PaymentType != null)
                xml.WriteCleanElement("ТипОплаты", item.PaymentType);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _xml.Flush();
        _buffer.Position = 0;
        await _buffer.CopyToAsync(_output, cancellationToken).ConfigureAwait(false);
        _buffer.SetLength(0);
    }

    private void WriteDocument(OrderSnapshot order)
    {
        _xml.WriteStartElement("Документ");
        Element("Ид", order.DocumentId);
        Element("Номер", order.Number);
        Element("Дата", Date(order.CreatedOn));
        Element("ХозОперация", "Заказ товара");
        Element("Роль", "Продавец");
        Element("Валюта", order.CurrencyCode);
        Element("Курс", Quantity(order.CurrencyRate));
        Element("Сумма", Money(order.Total));
        new ContractorWriter(_xml).Write(order.Customer);
        Element("Время", Time(order.CreatedOn));
        Element("Комментарий", order.Comment ?? string.Empty);
        WriteDocumentTaxes(order);
        WriteDiscounts(order.Discounts);
        _xml.WriteStartElement("Товары");
        foreach (var line in order.Lines)
            WriteLine(line);
        if (order.ShippingCost > 0)
            WriteLine(DeliveryLine(order));
        _xml.WriteEndElement();
        WriteDocumentRequisites(order);
        _xml.WriteEndElement();
    }

    private void WriteDocumentTaxes(OrderSnapshot order)
    {
        var vats = order.Lines.Select(line => line.Vat).Append(order.ShippingCost > 0 ? order.ShippingVat : null)
            .OfType<VatSnapshot>().ToList();
        if (vats.Count == 0)
            return;
        _xml.WriteStartElement("Налоги");
        _xml.WriteStartElement("Налог");
        Element("Наименование", VatName);
        Element("УчтеноВСумме", Bool(vats.All(vat => vat.IncludedInPrice)));
        Element("Сумма", Money(vats.Sum(vat => vat.Amount)));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    private void WriteDiscounts(IEnumerable<OrderDiscountSnapshot> discounts)
    {
        var started = false;
        foreach (var discount in discounts)
        {
            if (!started)
            {
                _xml.WriteStartElement("Скидки");
                started = true;
            }
            _xml.WriteStartElement("Скидка");
            Element("Наименование", discount.Name);
            Element("Сумма", Money(discount.Amount));
            if (discount.Percent is { } percent)
                Element("Процент", Quantity(percent));
            Element("УчтеноВСумме", Bool(discount.IncludedInTotal));
            _xml.WriteEndElement();
        }
        if (started)
            _xml.WriteEndElement();
    }

    private static OrderLineSnapshot DeliveryLine(OrderSnapshot order) => new()
    {
        OneCId = DeliveryLineId,
        SiteId = DeliveryLineId,
        Name = DeliveryLineName,
        Quantity = 1,
        UnitPrice = order.ShippingCost,
        Sum = order.ShippingCost,
        Vat = order.ShippingVat,
        IsService = true,
    };

    private void WriteLine(OrderLineSnapshot line)
    {
        _xml.WriteStartElement("Товар");
        Element("Ид", line.DocumentProductId);
        OptionalElement("Артикул", line.Sku);
        Element("Наименование", line.Name);
        var unit = line.Unit ?? UnitSnapshot.Piece;
        _xml.WriteStartElement("БазоваяЕдиница");
        _xml.WriteAttributeString("Код", XmlText.Clean(unit.Code));
        if (!string.IsNullOrWhiteSpace(unit.FullName))
            _xml.WriteAttributeString("НаименованиеПолное", XmlText.Clean(unit.FullName));
        if (!string.IsNullOrWhiteSpace(unit.InternationalAbbreviation))
            _xml.WriteAttributeString("МеждународноеСокращение", XmlText.Clean(unit.InternationalAbbreviation));
        _xml.WriteString(XmlText.Clean(unit.ShortName));
        _xml.WriteEndElement();
        if (line.Vat != null)
        {
            _xml.WriteStartElement("СтавкиНалогов");
            _xml.WriteStartElement("СтавкаНалога");
            Element("Наименование", VatName);
            Element("Ставка", VatRate(line.Vat));
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }
        var kind = line.IsService ? "Услуга" : "Товар";
        _xml.WriteStartElement("ЗначенияРеквизитов");
        WriteRequisite("ВидНоменклатуры", kind);
        WriteRequisite("ТипНоменклатуры", kind);
        _xml.WriteEndElement();
        OptionalElement("ИдКаталога", line.OneCCatalogId);
        Element("ЦенаЗаЕдиницу", Money(line.UnitPrice));
        Element("Количество", Quantity(line.Quantity));
        Element("Сумма", Money(line.Sum));
        if (line.Vat != null)
        {
            _xml.WriteStartElement("Налоги");
            _xml.WriteStartElement("Налог");
            Element("Наименование", VatName);
            Element("УчтеноВСумме", Bool(line.Vat.IncludedInPrice));
            Element("Сумма", Money(line.Vat.Amount));
            Element("Ставка", VatRate(line.Vat));
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }
        if (line.Discount > 0)
            WriteDiscounts([new OrderDiscountSnapshot("Скидка", line.Discount)]);
        _xml.WriteEndElement();
    }

    private void WriteDocumentRequisites(OrderSnapshot order)
    {
        _xml.WriteStartElement("ЗначенияРеквизитов");
        OptionalRequisite("Метод оплаты", order.PaymentMethodName);
        OptionalRequisite("Метод оплаты ИД", order.PaymentMethodId);
        OptionalRequisite("Способ доставки", order.ShippingMethodName);
        OptionalRequisite("Метод доставки ИД", order.ShippingMethodId);
        WriteRequisite("Заказ оплачен", Bool(order.IsPaid));
        if (order.IsPaid && order.PaidOn is { } paidOn)
            WriteRequisite("Дата оплаты", DateTimeText(paidOn));
        WriteRequisite("Доставка разрешена", Bool(order.ShippingAllowed));
        WriteRequisite("Отменен", Bool(order.IsCancelled));
        WriteRequisite("Финальный статус", Bool(order.IsFinal));
        var statusId = ((int)order.Status).ToString(CultureInfo.InvariantCulture);
        WriteRequisite("Статус заказа", $"[{statusId}] {order.StatusName}");
        WriteRequisite("Статуса заказа ИД", statusId);
        WriteRequisite("Дата изменения статуса", DateTimeText(order.StatusChangedOn ?? order.CreatedOn));
        if (order.Customer.DeliveryAddress != null)
            WriteRequisite("Адрес доставки", ContractorWriter.Presentation(order.Customer.DeliveryAddress));
        foreach (var requisite in order.ExtraRequisites)
            WriteRequisite(requisite.Name, requisite.Value);
        _xml.WriteEndElement();
    }

    private void OptionalRequisite(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            WriteRequisite(name, value);
    }

    private void WriteRequisite(string name, string value)
    {
        _xml.WriteStartElement("ЗначениеРеквизита");
        Element("Наименование", name);
        Element("Значение", value);
        _xml.WriteEndElement();
    }

    private void Element(string name, string value) => _xml.WriteCleanElement(name, value);

    private void OptionalElement(string name, string? value) => _xml.WriteOptionalElement(name, value);

    private static string VatRate(VatSnapshot vat) => vat.RatePercent is { } rate ? Quantity(rate) : "Без налога";

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Time(DateTime value) => value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    private static string DateTimeText(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    private static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
    private static string Quantity(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
    private static string Bool(bool value) => value ? "true" : "false";
}
