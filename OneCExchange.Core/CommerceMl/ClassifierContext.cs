namespace OneCExchange.Core.CommerceMl;

/// <summary>
/// What a package's classifier defined, shared by the readers of all files of one package so that a goods file can
/// resolve property values, price currencies and units defined in an earlier classifier file. Every reader adds the
/// definitions it reads; later definitions of the same id replace earlier ones. A catalog session keeps one
/// (<c>CatalogSessionState.Classifier</c>): its price types and warehouses are the session's, kept only here.
/// </summary>
public sealed class ClassifierContext
{
    private readonly Dictionary<string, KnownProperty> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PriceType> _priceTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Warehouse> _warehouses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnitOfMeasure> _unitsByCode = new(StringComparer.Ordinal);
    private readonly HashSet<string> _groupIds = new(StringComparer.Ordinal);

    public int PropertyCount => _properties.Count;
    public int PriceTypeCount => _priceTypes.Count;
    public int WarehouseCount => _warehouses.Count;
    public int GroupCount => _groupIds.Count;
    public int UnitCount => _unitsByCode.Count;

    public void Add(PropertyDefinition property)
    {
        Dictionary<string, string>? values = null;
        if (property.ReferenceValues.Count > 0)
        {
            values = new Dictionary<string, string>(property.ReferenceValues.Count, StringComparer.Ordinal);
            foreach (var value in property.ReferenceValues)
                values[value.Id] = value.Value;
        }
        Add(property.Id, new KnownProperty(property.Name, property.ValueType, values));
    }

    public void Add(string propertyId, KnownProperty property) => _properties[propertyId] = property;

    public void Add(PriceType priceType) => _priceTypes[priceType.Id] = priceType;

    public void Add(Warehouse warehouse) => _warehouses[warehouse.Id] = warehouse;

    public void Add(Group group) => _groupIds.Add(group.Id);

    public void Add(UnitOfMeasure unit)
    {
        if (unit.Code is { Length: > 0 } code)
            _unitsByCode[code] = unit;
        if (unit.Id is { Length: > 0 } id && id != unit.Code)
            _unitsByCode[id] = unit;
    }

    public bool TryGetProperty(string id, out KnownProperty property) => _properties.TryGetValue(id, out property!);

    public bool TryGetPriceType(string id, out PriceType priceType) => _priceTypes.TryGetValue(id, out priceType!);

    public bool TryGetWarehouse(string id, out Warehouse warehouse) => _warehouses.TryGetValue(id, out warehouse!);

    /// <summary>The price types defined so far (by this package's files and, for a session, its earlier files).</summary>
    public IReadOnlyCollection<PriceType> PriceTypes => _priceTypes.Values;

    /// <summary>The warehouses defined so far.</summary>
    public IReadOnlyCollection<Warehouse> Warehouses => _warehouses.Values;

    /// <summary>The properties defined so far, by Ид.</summary>
    public IReadOnlyDictionary<string, KnownProperty> Properties => _properties;

    /// <summary>The units defined so far (each once, though it is found by both Код and Ид).</summary>
    public IEnumerable<UnitOfMeasure> Units => _unitsByCode.Values.Distinct();

    public bool ContainsGroup(string id) => _groupIds.Contains(id);

    /// <summary>A unit of the classifier by its Код or Ид (3.1 products name their base unit by code only).</summary>
    public bool TryGetUnit(string codeOrId, out UnitOfMeasure unit) => _unitsByCode.TryGetValue(codeOrId, out unit!);
}

/// <summary>A property as the classifier defined it; reference values by ИдЗначения.</summary>
public sealed record KnownProperty(string Name, PropertyValueType ValueType, IReadOnlyDictionary<string, string>? ReferenceValues);
