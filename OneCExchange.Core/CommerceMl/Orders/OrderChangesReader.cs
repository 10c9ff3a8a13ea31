using System.Globalization;
using System.Text;
using System.Xml;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>
/// Reads the order documents 1C uploads with type=sale (CommerceML 2.03-2.10 and 3.1; Документ directly under the
/// root or inside Контейнер; any namespace, matched by local name; UTF-8 with or without BOM, or windows-1251 as
/// declared) into <see cref="OrderChange"/> records, forward-only: one Документ is read at a time and nothing else
/// is kept. Documents nested in a document (ПодчиненныеДокументы) are not yielded.
/// </summary>
public sealed class OrderChangesReader : IDisposable
{
    private readonly XmlReader _xml;
    private readonly string _fileName;
    private readonly List<CommerceMlWarning> _warnings = [];

    static OrderChangesReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="fileName">The file's name, for locations in warnings and errors.</param>
    public OrderChangesReader(Stream stream, string fileName, bool leaveOpen = false)
    {
        _fileName = fileName;
        _xml = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = !leaveOpen,
        });
    }

    /// <summary>КоммерческаяИнформация, once the first document (or the end) has been reached.</summary>
    public DocumentHeader? Header { get; private set; }

    /// <summary>What could not be interpreted (unreadable dates, flags); the document is still yielded.</summary>
    public IReadOnlyList<CommerceMlWarning> Warnings => _warnings;

    /// <summary>The order documents in file order.</summary>
    /// <exception cref="XmlException">The file is not well-formed XML.</exception>
    /// <exception cref="FormatException">The root is not КоммерческаяИнформация.</exception>
    public IEnumerable<OrderChange> ReadDocuments()
    {
        if (_xml.MoveToContent() != XmlNodeType.Element)
            throw new FormatException($"{_fileName}: the file has no root element.");
        if (_xml.LocalName != "КоммерческаяИнформация")
            throw new FormatException($"{_fileName}: the root element is <{_xml.LocalName}>, not <КоммерческаяИнформация>.");
        Header = new DocumentHeader
        {
            Location = Location(),
            SchemaVersion = _xml.GetAttribute("ВерсияСхемы") ?? string.Empty,
            Namespace = _xml.NamespaceURI,
            GeneratedAt = OneCValues.ParseDate(_xml.GetAttribute("ДатаФормирования")),
        };
        if (_xml.IsEmptyElement)
            yield break;
        var rootDepth = _xml.Depth;
        _xml.Read();
        while (_xml.Depth > rootDepth && !_xml.EOF)
        {
            if (_xml.NodeType != XmlNodeType.Element)
            {
                _xml.Read();
                continue;
            }
            switch (_xml.LocalName)
            {
                case "Документ":
                    yield return ReadDocument();
                    break;
                case "Контейнер" when !_xml.IsEmptyElement:
                    var containerDepth = _xml.Depth;
                    _xml.Read();
                    while (_xml.Depth > containerDepth && !_xml.EOF)
                    {
                        if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "Документ")
                            yield return ReadDocument();
                        else if (_xml.NodeType == XmlNodeType.Element)
                            _xml.Skip();
                        else
                            _xml.Read();
                    }
                    _xml.Read(); // </Контейнер>
                    break;
                default:
                    _xml.Skip();
                    break;
            }
        }
    }

    public void Dispose() => _xml.Dispose();

    private OrderChange ReadDocument()
    {
        var location = Location();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var requisites = new List<Requisite>();
        var lines = new List<OrderChangeLine>();
        if (!_xml.IsEmptyElement)
        {
            var depth = _xml.Depth;
            _xml.Read();
            while (_xml.Depth > depth && !_xml.EOF)
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    _xml.Read();
                    continue;
                }
                switch (_xml.LocalName)
                {
                    case "ЗначенияРеквизитов":
                        ReadRequisites(requisites);
                        break;
                    case "Товары":
                        ReadLines(lines);
                        break;
                    case "Ид" or "Номер" or "НомерВерсии" or "ПометкаУдаления" or "Номер1С" or "Дата1С" or "Дата" or "Время"
                        or "ХозОперация" or "Валюта" or "Сумма" or "Комментарий":
                        var name = _xml.LocalName;
                        fields.TryAdd(name, ReadText());
                        break;
                    default:
                        _xml.Skip();
                        break;
                }
            }
        }
        _xml.Read(); // past </Документ> (or the empty element)
        return Interpret(location, fields, requisites, lines);
    }

    private OrderChange Interpret(SourceLocation location, Dictionary<string, string> fields, List<Requisite> requisites,
        List<OrderChangeLine> lines)
    {
        string? Field(string name) => fields.TryGetValue(name, out var value) ? OneCValues.Text(value) : null;
        string? Requisite(params string[] names)
        {
            foreach (var requisite in requisites)
                foreach (var name in names)
                    if (OneCValues.SameName(requisite.Name, name))
                        return OneCValues.Text(requisite.Value);
            return null;
        }
        DateTime? Date(string? text, string what)
        {
            if (OneCValues.IsEmptyDate(text))
                return null;
            var date = OneCValues.ParseDate(text);
            if (date == null)
                _warnings.Add(new(location, ExchangeMessage.Of(MessageKeys.ReaderNotADate, what, text)));
            return date;
        }
        bool? Flag(string? text, string what)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            var flag = OneCValues.ParseBool(text);
            if (flag == null)
                _warnings.Add(new(location, ExchangeMessage.Of(MessageKeys.ReaderNotTrueFalse, what, text)));
            return flag;
        }

        var date = Date(Field("Дата"), "Дата");
        if (date is { } day && Field("Время") is { } timeText
            && TimeSpan.TryParseExact(timeText, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var time))
            date = day.Date + time;
        decimal? total = decimal.TryParse(Field("Сумма"), NumberStyles.Number, CultureInfo.InvariantCulture, out var sum) ? sum : null;

        return new OrderChange
        {
            Location = location,
            Id = Field("Ид"),
            Number = Field("Номер"),
            BusinessOperation = Field("ХозОперация"),
            VersionNumber = Field("НомерВерсии"),
            Date = date,
            Currency = Field("Валюта"),
            Total = total,
            Comment = Field("Комментарий"),
            OneCNumber = Field("Номер1С") ?? Requisite("Номер по 1С"),
            OneCDate = Date(Field("Дата1С") ?? Requisite("Дата по 1С"), "Дата по 1С"),
            Paid = Flag(Requisite("Оплачен", "Заказ оплачен"), "Оплачен"),
            PaymentDate = Date(Requisite("Дата оплаты по 1С", "Дата оплаты"), "Дата оплаты по 1С"),
            PaymentNumber = Requisite("Номер оплаты по 1С", "Номер платежного документа"),
            Shipped = Flag(Requisite("Отгружен"), "Отгружен"),
            ShipmentDate = Date(Requisite("Дата отгрузки по 1С"), "Дата отгрузки по 1С"),
            ShipmentNumber = Requisite("Номер отгрузки по 1С"),
            ShippingAllowed = Flag(Requisite("Доставка разрешена"), "Доставка разрешена"),
            Final = Flag(Requisite("Финальный статус"), "Финальный статус"),
            Cancelled = Flag(Requisite("Отменен"), "Отменен"),
            DeletionMark = Flag(Field("ПометкаУдаления") ?? Requisite("ПометкаУдаления"), "ПометкаУдаления"),
            Posted = Flag(Requisite("Проведен"), "Проведен"),
            StatusName = Requisite("Статус заказа"),
            StatusId = Requisite("Статуса заказа ИД", "Статус заказа ИД"),
            Requisites = requisites,
            Lines = lines,
        };
    }

    private void ReadRequisites(List<Requisite> requisites)
    {
        ForEachChild("ЗначениеРеквизита", () =>
        {
            string? name = null;
            var values = new List<string>();
            ForEachChild(null, () =>
            {
                if (_xml.LocalName == "Наименование")
                    name = ReadText().Trim();
                else if (_xml.LocalName == "Значение")
                    values.Add(ReadText());
                else
                    _xml.Skip();
            });
            if (!string.IsNullOrEmpty(name))
                requisites.Add(new Requisite(name, string.Join(";", values)));
        });
    }

    private void ReadLines(List<OrderChangeLine> lines)
    {
        ForEachChild("Товар", () =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            ForEachChild(null, () =>
            {
                if (_xml.LocalName is "Ид" or "Наименование" or "Количество" or "Цена" or "ЦенаЗаЕдиницу" or "Сумма")
                {
                    var name = _xml.LocalName;
                    values.TryAdd(name, ReadText().Trim());
                }
                else
                    _xml.Skip();
            });
            if (values.TryGetValue("Ид", out var id) && id.Length > 0)
                lines.Add(new OrderChangeLine(id, values.GetValueOrDefault("Наименование"),
                    Number(values.GetValueOrDefault("Количество")),
                    Number(values.GetValueOrDefault("Цена") ?? values.GetValueOrDefault("ЦенаЗаЕдиницу")),
                    Number(values.GetValueOrDefault("Сумма"))));
        });
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Calls <paramref name="onChild"/> on each child element (of the given name, others skipped) of the
    /// current element; leaves the reader after its end. <paramref name="onChild"/> must consume its element.</summary>
    private void ForEachChild(string? childName, Action onChild)
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return;
        }
        var depth = _xml.Depth;
        _xml.Read();
        while (_xml.Depth > depth && !_xml.EOF)
        {
            if (_xml.NodeType != XmlNodeType.Element)
                _xml.Read();
            else if (childName == null || _xml.LocalName == childName)
                onChild();
            else
                _xml.Skip();
        }
        _xml.Read();
    }

    /// <summary>The text of a simple element (child elements are skipped), leaving the reader after its end.</summary>
    private string ReadText()
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return string.Empty;
        }
        var depth = _xml.Depth;
        var text = new StringBuilder();
        _xml.Read();
        while (_xml.Depth > depth && !_xml.EOF)
        {
            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                text.Append(_xml.Value);
                _xml.Read();
            }
            else if (_xml.NodeType == XmlNodeType.Element)
                _xml.Skip();
            else
                _xml.Read();
        }
        _xml.Read();
        return text.ToString();
    }

    private SourceLocation Location() =>
        _xml is IXmlLineInfo info ? new(_fileName, info.LineNumber, info.LinePosition) : new(_fileName, 0, 0);
}
