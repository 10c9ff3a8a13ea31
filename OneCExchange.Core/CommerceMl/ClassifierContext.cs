namespace OneCExchange.Core.CommerceMl;

/// <summary>
/// What a package's classifier defined, shared by the readers of all files of one package so that a goods file can
/// resolve property values, price currencies and units defined in an earlier classifier file. Every reader adds the
/// definitions it reads; later definitions of the same id replace earlier ones.
/// </summary>
public sealed class ClassifierContext
{
    private readonly Dictionary<string, KnownProperty> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownPriceType> _priceTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _warehouses = new(StringComparer.Ordinal);
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
        _properties[property.Id] = new KnownProperty(property.Name, property.ValueType, values);
    }

    public void Add(PriceType priceType) => _priceTypes[priceType.Id] = new KnownPriceType(priceType.Name, priceType.Currency);

    public void Add(Warehouse warehouse) => _warehouses[warehouse.Id] = warehouse.Name;

    public void Add(Group group) => _groupIds.Add(group.Id);

    public void Add(UnitOfMeasure unit)
    {
        if (unit.Code is { Length: > 0 } code)
            _unitsByCode[code] = unit;
        if (unit.Id is { Length: > 0 } id && id != unit.Code)
            _unitsByCode[id] = unit;
    }

    public bool TryGetProperty(string id, out KnownProperty property) => _properties.TryGetValue(id, out property!);

    public bool TryGetPriceType(string id, out KnownPriceType priceType) => _priceTypes.TryGetValue(id, out priceType!);

    public bool TryGetWarehouseName(string id, out string name) => _warehouses.TryGetValue(id, out name!);

    public bool ContainsGroup(string id) => _groupIds.Contains(id);

    /// <summary>A unit of the classifier by its Код or Ид (3.1 products name their base unit by code only).</summary>
    public bool TryGetUnit(string codeOrId, out UnitOfMeasure unit) => _unitsByCode.TryGetValue(codeOrId, out unit!);
}

/// <summary>A property as the classifier defined it; reference values by ИдЗначения.</summary>
public sealed record KnownProperty(string Name, PropertyValueType ValueType, IReadOnlyDictionary<string, string>? ReferenceValues);

/// <summary>A price type as the classifier defined it.</summary>
public sealed record KnownPriceType(string Name, string? Currency);
