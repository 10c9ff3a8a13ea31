using System.Xml;
using OneCExchange.Core.CommerceMl.Reading;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl;

/// <summary>
/// Forward-only reader of a CommerceML catalog file (classifier, catalog, offer/price/rest packages) yielding typed
/// records in document order, in flat memory. Elements are matched by local name, so every namespace variant works.
/// Unknown elements are skipped; data that cannot be interpreted becomes a warning with its location.
/// </summary>
public sealed class CommerceMlReader : IDisposable
{
    private readonly CountingStream _stream;
    private readonly XmlReader _xml;
    private readonly XmlCursor _cursor;
    private readonly ClassifierItemParser _classifierItems;
    private readonly ProductParser _products;
    private readonly OfferParser _offers;
    private readonly WarningSink _warnings = new();
    private readonly List<Section> _sections = [];
    private bool _started;
    private CommerceMlRecord? _current;

    /// <summary>Opens a file; the encoding comes from its BOM or XML declaration (UTF-8, windows-1251...).</summary>
    public static CommerceMlReader Open(string path, ClassifierContext? context = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        try
        {
            return new CommerceMlReader(stream, Path.GetFileName(path), context, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a stream (left open) named <paramref name="fileName"/> in locations and messages.</summary>
    public CommerceMlReader(Stream stream, string fileName, ClassifierContext? context = null)
        : this(stream, fileName, context, leaveOpen: true)
    {
    }

    private CommerceMlReader(Stream stream, string fileName, ClassifierContext? context, bool leaveOpen)
    {
        Context = context ?? new ClassifierContext();
        _stream = new CountingStream(stream, leaveOpen);
        _xml = CommerceMlDocument.CreateReader(_stream, closeInput: true);
        _cursor = new XmlCursor(_xml, fileName, _warnings);
        var parts = new ItemPartsParser(_cursor, Context);
        _classifierItems = new ClassifierItemParser(_cursor);
        _products = new ProductParser(_cursor, parts);
        _offers = new OfferParser(_cursor, parts, Context);
    }

    /// <summary>The definitions read so far (and those of earlier files when a context was passed in).</summary>
    public ClassifierContext Context { get; }

    public CommerceMlRecord Current => _current ?? throw new InvalidOperationException("Read() has not returned true.");

    /// <summary>The first <see cref="WarningSink.Limit"/> warnings; <see cref="WarningCount"/> counts them all.</summary>
    public IReadOnlyList<CommerceMlWarning> Warnings => _warnings.Kept;

    public long WarningCount => _warnings.Count;

    /// <summary>Bytes read from the underlying stream so far (the XML reader reads ahead by its buffer).</summary>
    public long BytesConsumed => _stream.BytesRead;

    /// <summary>Advances to the next record; false at the end of the file.</summary>
    /// <exception cref="CommerceMlException">The file is not well-formed XML, has a DTD, or is not CommerceML.</exception>
    public bool Read()
    {
        _current = CommerceMlDocument.Guard(_cursor, ReadNext);
        return _current != null;
    }

    private CommerceMlRecord? ReadNext()
    {
        if (!_started)
        {
            _started = true;
            return ReadDocumentHeader();
        }
        while (!_xml.EOF)
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Element:
                    if (HandleElement() is { } record)
                        return record;
                    break;
                case XmlNodeType.EndElement:
                    if (_sections.Count == 0)
                    {
                        _xml.Read();
                        break;
                    }
                    var closed = _sections[^1];
                    _sections.RemoveAt(_sections.Count - 1);
                    _xml.Read();
                    if (!closed.Emitted && Flush(closed) is { } pending)
                        return pending;
                    break;
                default:
                    _xml.Read();
                    break;
            }
        }
        return null;
    }

    private DocumentHeader ReadDocumentHeader()
    {
        var header = CommerceMlDocument.ReadHeader(_cursor);
        var location = header.Location;
        if (header.SchemaVersion.Length == 0)
            _cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderNoSchemaVersion));
        var empty = _xml.IsEmptyElement;
        _xml.Read();
        if (!empty)
            _sections.Add(new Section(SectionKind.Root, location));
        return header;
    }

    /// <summary>Handles the element under the reader: returns a record, or null after consuming or entering it.</summary>
    private CommerceMlRecord? HandleElement()
    {
        var section = _sections.Count > 0 ? _sections[^1] : null;
        var name = _xml.LocalName;
        switch (section?.Kind)
        {
            case SectionKind.Root:
                return HandleRootChild(name);
            case SectionKind.Classifier or SectionKind.Catalog or SectionKind.OfferPackage:
                return HandleHeaderChild(section, name);
            case SectionKind.Group:
                return HandleGroupChild(section, name);
            case SectionKind.Groups:
                if (name != "Группа")
                    return SkipUnexpected(section, name);
                Enter(SectionKind.Group);
                return CloseIfEmpty();
            case SectionKind.Properties when name is "Свойство" or "СвойствоНоменклатуры":
                return Remember(_classifierItems.ReadProperty());
            case SectionKind.PriceTypes when name == "ТипЦены":
                return Remember(_classifierItems.ReadPriceType());
            case SectionKind.Warehouses when name == "Склад":
                return Remember(_classifierItems.ReadWarehouse());
            case SectionKind.Units when name == "ЕдиницаИзмерения":
                return Remember(_classifierItems.ReadUnit());
            case SectionKind.Products when name == "Товар":
                return _products.Read();
            case SectionKind.Offers when name == "Предложение":
                return _offers.Read();
            case null:
                _xml.Skip();
                return null;
            default:
                return SkipUnexpected(section, name);
        }
    }

    /// <summary>An element that is not an item of the collection it is in: 1C data the reader cannot place.</summary>
    private CommerceMlRecord? SkipUnexpected(Section section, string name)
    {
        _cursor.Warn(ExchangeMessage.Of(MessageKeys.ReaderUnexpectedElement, name, section.Kind.ToString().ToLowerInvariant()));
        _xml.Skip();
        return null;
    }

    private CommerceMlRecord? HandleRootChild(string name)
    {
        switch (name)
        {
            case "Классификатор":
                Enter(SectionKind.Classifier);
                break;
            case "Каталог":
                Enter(SectionKind.Catalog);
                break;
            case "ПакетПредложений" or "ИзмененияПакетаПредложений":
                Enter(SectionKind.OfferPackage);
                break;
            default:
                _cursor.Warn(ExchangeMessage.Of(MessageKeys.ReaderNotCatalogData, name));
                _xml.Skip();
                break;
        }
        return _sections[^1].Kind == SectionKind.Root ? null : CloseIfEmpty();
    }

    private CommerceMlRecord? HandleHeaderChild(Section section, string name)
    {
        var collection = CollectionKind(name);
        if (collection != null)
        {
            if (!section.Emitted)
                return Flush(section); // the collection element is handled again on the next Read
            Enter(collection.Value);
            return CloseIfEmpty();
        }
        switch (name)
        {
            case "Ид": section.Id = _cursor.ReadOptionalText(); break;
            case "Наименование": section.Name = _cursor.ReadOptionalText(); break;
            case "ИдКаталога": section.CatalogId = _cursor.ReadOptionalText(); break;
            case "ИдКлассификатора": section.ClassifierId = _cursor.ReadOptionalText(); break;
            case "СодержитТолькоИзменения":
                var location = _cursor.Here();
                var changesOnly = _cursor.ReadBoolean() ?? false;
                if (section.Emitted && changesOnly != section.ContainsOnlyChanges)
                    _cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderChangesOnlyTooLate, changesOnly, section.ContainsOnlyChanges));
                section.ContainsOnlyChanges = changesOnly;
                break;
            default: _xml.Skip(); break;
        }
        return null;
    }

    private CommerceMlRecord? HandleGroupChild(Section group, string name)
    {
        switch (name)
        {
            case "Группы":
                if (!group.Emitted)
                    return Flush(group); // parents come before their children
                Enter(SectionKind.Groups);
                return CloseIfEmpty();
            case "Ид": group.Id = _cursor.ReadOptionalText(); break;
            case "Наименование": group.Name = _cursor.ReadText().Trim(); break;
            case "Описание": group.Description = _cursor.ReadOptionalText(); break;
            case "ПометкаУдаления": group.IsDeleted = _cursor.ReadBoolean() ?? false; break;
            default:
                if (group.Emitted)
                    _cursor.Warn(ExchangeMessage.Of(MessageKeys.ReaderGroupFieldTooLate, name, group.Id));
                _xml.Skip();
                break;
        }
        return null;
    }

    private static SectionKind? CollectionKind(string name) => name switch
    {
        "Группы" => SectionKind.Groups,
        "Свойства" => SectionKind.Properties,
        "ТипыЦен" => SectionKind.PriceTypes,
        "Склады" => SectionKind.Warehouses,
        "ЕдиницыИзмерения" => SectionKind.Units,
        "Товары" => SectionKind.Products,
        "Предложения" => SectionKind.Offers,
        _ => null,
    };

    private void Enter(SectionKind kind)
    {
        var section = new Section(kind, _cursor.Here());
        if (kind is SectionKind.Classifier or SectionKind.Catalog or SectionKind.OfferPackage)
            section.ContainsOnlyChanges = CommerceMlValues.TryParseBoolean(_xml.GetAttribute("СодержитТолькоИзменения") ?? "", out var b) && b;
        section.Closed = _xml.IsEmptyElement;
        _xml.Read();
        _sections.Add(section);
    }

    /// <summary>An empty element just entered (<Каталог/>, <Группа/>) has no end tag: it is closed and flushed at once.</summary>
    private CommerceMlRecord? CloseIfEmpty()
    {
        var section = _sections[^1];
        if (!section.Closed)
            return null;
        _sections.RemoveAt(_sections.Count - 1);
        return Flush(section);
    }

    /// <summary>Produces the header or group record a section has gathered so far.</summary>
    private CommerceMlRecord? Flush(Section section)
    {
        section.Emitted = true;
        switch (section.Kind)
        {
            case SectionKind.Classifier:
                return new ClassifierHeader { Location = section.Location, Id = section.Id, Name = section.Name, ContainsOnlyChanges = section.ContainsOnlyChanges };
            case SectionKind.Catalog:
                return new CatalogHeader
                {
                    Location = section.Location, Id = section.Id, ClassifierId = section.ClassifierId, Name = section.Name,
                    ContainsOnlyChanges = section.ContainsOnlyChanges,
                };
            case SectionKind.OfferPackage:
                return new OfferPackageHeader
                {
                    Location = section.Location, Id = section.Id, Name = section.Name, CatalogId = section.CatalogId,
                    ClassifierId = section.ClassifierId, ContainsOnlyChanges = section.ContainsOnlyChanges,
                };
            case SectionKind.Group:
                return FlushGroup(section);
            default:
                return null;
        }
    }

    private Group? FlushGroup(Section section)
    {
        if (section.Id == null)
        {
            _cursor.Warn(section.Location, ExchangeMessage.Of(MessageKeys.ReaderGroupWithoutId, section.Name));
            return null;
        }
        string? parentId = null;
        var depth = 0;
        for (var i = _sections.Count - 1; i >= 0; i--)
        {
            var outer = _sections[i];
            if (outer == section || outer.Kind != SectionKind.Group || outer.Id == null)
                continue;
            parentId ??= outer.Id;
            depth++;
        }
        if (string.IsNullOrEmpty(section.Name))
            _cursor.Warn(section.Location, ExchangeMessage.Of(MessageKeys.ReaderGroupWithoutName, section.Id));
        var group = new Group
        {
            Location = section.Location, Id = section.Id, ParentId = parentId, Name = section.Name ?? "",
            Description = section.Description, Depth = depth, IsDeleted = section.IsDeleted,
        };
        Context.Add(group);
        return group;
    }

    private CommerceMlRecord? Remember(PropertyDefinition? property)
    {
        if (property != null)
            Context.Add(property);
        return property;
    }

    private CommerceMlRecord? Remember(PriceType? priceType)
    {
        if (priceType != null)
            Context.Add(priceType);
        return priceType;
    }

    private CommerceMlRecord? Remember(Warehouse? warehouse)
    {
        if (warehouse != null)
            Context.Add(warehouse);
        return warehouse;
    }

    private CommerceMlRecord Remember(UnitOfMeasure unit)
    {
        Context.Add(unit);
        return unit;
    }

    public void Dispose() => _xml.Dispose();

    private enum SectionKind { Root, Classifier, Catalog, OfferPackage, Groups, Group, Properties, PriceTypes, Warehouses, Units, Products, Offers }

    /// <summary>An element the reader is inside of, with what its header or group record has gathered.</summary>
    private sealed class Section(SectionKind kind, SourceLocation location)
    {
        public SectionKind Kind { get; } = kind;
        public SourceLocation Location { get; } = location;
        public bool Emitted { get; set; }
        public bool Closed { get; set; }
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? CatalogId { get; set; }
        public string? ClassifierId { get; set; }
        public bool ContainsOnlyChanges { get; set; }
        public bool IsDeleted { get; set; }
    }
}
