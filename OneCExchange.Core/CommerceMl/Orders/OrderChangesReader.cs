using System.Globalization;
using OneCExchange.Core.CommerceMl.Reading;
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
    private readonly XmlCursor _cursor;
    private readonly WarningSink _warnings = new();
    /// <summary>The depths of the root and the Контейнер being read (-1 for an empty one).</summary>
    private readonly Stack<int> _open = new();

    /// <param name="fileName">The file's name, for locations in warnings and errors.</param>
    public OrderChangesReader(Stream stream, string fileName, bool leaveOpen = false) =>
        _cursor = new XmlCursor(CommerceMlDocument.CreateReader(stream, closeInput: !leaveOpen), fileName, _warnings);

    /// <summary>КоммерческаяИнформация, once the first document (or the end) has been reached.</summary>
    public DocumentHeader? Header { get; private set; }

    /// <summary>What could not be interpreted (unreadable numbers, dates, flags: the first
    /// <see cref="WarningSink.Limit"/>); the document is still yielded.</summary>
    public IReadOnlyList<CommerceMlWarning> Warnings => _warnings.Kept;

    /// <summary>The order documents in file order.</summary>
    /// <exception cref="CommerceMlException">The file is not well-formed XML, has a DTD, is not in the encoding it
    /// declares, or its root is not КоммерческаяИнформация.</exception>
    public IEnumerable<OrderChange> ReadDocuments()
    {
        while (CommerceMlDocument.Guard(_cursor, ReadNext) is { } change)
            yield return change;
    }

    public void Dispose() => _cursor.Reader.Dispose();

    private OrderChange? ReadNext()
    {
        if (Header is null)
        {
            Header = CommerceMlDocument.ReadHeader(_cursor);
            _open.Push(_cursor.Enter());
        }
        while (_open.Count > 0)
        {
            if (!_cursor.NextChild(_open.Peek()))
            {
                _open.Pop();
                continue;
            }
            switch (_cursor.LocalName)
            {
                case "Документ":
                    return ReadDocument();
                case "Контейнер" when _open.Count == 1:
                    _open.Push(_cursor.Enter());
                    break;
                default:
                    _cursor.Skip();
                    break;
            }
        }
        return null;
    }

    private OrderChange ReadDocument()
    {
        var mark = _cursor.MarkHere();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var requisites = new List<Requisite>();
        var lines = new List<OrderChangeLine>();
        var depth = _cursor.Enter();
        while (_cursor.NextChild(depth))
        {
            switch (_cursor.LocalName)
            {
                case "ЗначенияРеквизитов":
                    ReadRequisites(requisites);
                    break;
                case "Товары":
                    ReadLines(lines);
                    break;
                case "Ид" or "Номер" or "НомерВерсии" or "ПометкаУдаления" or "Номер1С" or "Дата1С" or "Дата" or "Время"
                    or "ХозОперация" or "Валюта" or "Сумма" or "Комментарий":
                    var name = _cursor.LocalName;
                    fields.TryAdd(name, _cursor.ReadText());
                    break;
                default:
                    _cursor.Skip();
                    break;
            }
        }
        return new OrderDocumentFields(_cursor, mark, fields, requisites).Interpret(lines);
    }

    private void ReadRequisites(List<Requisite> requisites)
    {
        var depth = _cursor.Enter();
        while (_cursor.NextChild(depth, "ЗначениеРеквизита"))
        {
            string? name = null;
            var values = new List<string>();
            var requisite = _cursor.Enter();
            while (_cursor.NextChild(requisite))
            {
                if (_cursor.LocalName == "Наименование")
                    name = _cursor.ReadText().Trim();
                else if (_cursor.LocalName == "Значение")
                    values.Add(_cursor.ReadText());
                else
                    _cursor.Skip();
            }
            if (!string.IsNullOrEmpty(name))
                requisites.Add(new Requisite(name, string.Join(";", values)));
        }
    }

    private void ReadLines(List<OrderChangeLine> lines)
    {
        var depth = _cursor.Enter();
        while (_cursor.NextChild(depth, "Товар"))
        {
            var mark = _cursor.MarkHere();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var line = _cursor.Enter();
            while (_cursor.NextChild(line))
            {
                if (_cursor.LocalName is "Ид" or "Наименование" or "Количество" or "Цена" or "ЦенаЗаЕдиницу" or "Сумма")
                {
                    var name = _cursor.LocalName;
                    values.TryAdd(name, _cursor.ReadText().Trim());
                }
                else
                    _cursor.Skip();
            }
            if (values.TryGetValue("Ид", out var id) && id.Length > 0)
                lines.Add(new OrderChangeLine(id, values.GetValueOrDefault("Наименование"),
                    Number(values, "Количество", mark),
                    Number(values, values.ContainsKey("Цена") ? "Цена" : "ЦенаЗаЕдиницу", mark),
                    Number(values, "Сумма", mark)));
        }
    }

    private decimal? Number(Dictionary<string, string> values, string name, Mark mark) =>
        _cursor.ParseDecimal(values.GetValueOrDefault(name), name, mark);

    /// <summary>The typed fields of one Документ, from its own elements and its requisites (ЗначенияРеквизитов).</summary>
    private sealed class OrderDocumentFields(XmlCursor cursor, Mark mark, Dictionary<string, string> fields,
        List<Requisite> requisites)
    {
        private readonly SourceLocation _location = new(cursor.FileName, mark.Line, mark.Position);

        public OrderChange Interpret(List<OrderChangeLine> lines) => new()
        {
            Location = _location,
            Id = Field("Ид"),
            Number = Field("Номер"),
            BusinessOperation = Field("ХозОперация"),
            VersionNumber = Field("НомерВерсии"),
            Date = DateAndTime(),
            Currency = Field("Валюта"),
            Total = cursor.ParseDecimal(Field("Сумма"), "Сумма", mark),
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

        private string? Field(string name) => fields.TryGetValue(name, out var value) ? CommerceMlValues.Text(value) : null;

        private string? Requisite(params string[] names)
        {
            foreach (var requisite in requisites)
                foreach (var name in names)
                    if (CommerceMlValues.SameName(requisite.Name, name))
                        return CommerceMlValues.Text(requisite.Value);
            return null;
        }

        private DateTime? DateAndTime()
        {
            var date = Date(Field("Дата"), "Дата");
            if (date is { } day && Field("Время") is { } timeText
                && TimeSpan.TryParseExact(timeText, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var time))
                date = day.Date + time;
            return date;
        }

        private DateTime? Date(string? text, string what)
        {
            if (CommerceMlValues.IsEmptyDate(text))
                return null;
            var date = CommerceMlValues.ParseDate(text);
            if (date == null)
                cursor.Warn(_location, ExchangeMessage.Of(MessageKeys.ReaderNotADate, what, text));
            return date;
        }

        private bool? Flag(string? text, string what)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (CommerceMlValues.TryParseBoolean(text, out var flag))
                return flag;
            cursor.Warn(_location, ExchangeMessage.Of(MessageKeys.ReaderNotTrueFalse, what, text));
            return null;
        }
    }
}
