using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.CatalogExport;

// What type=get_catalog writes, as the store hands it over. Ids are 1C ids (see ICatalogExportSource).

/// <summary>A page of products or offers; <paramref name="LastProductId"/> is the store id of the page's last product.</summary>
public sealed record ExportPage<T>(IReadOnlyList<T> Items, int LastProductId);

/// <param name="ProductCount">How many products the export will write (for the progress shown to 1C's user).</param>
public sealed record ExportClassifier(IReadOnlyList<ExportGroup> Groups, IReadOnlyList<ExportProperty> Properties, int ProductCount);

/// <summary>What every offers document repeats: the price types and warehouses its offers refer to.</summary>
public sealed record ExportOfferTerms(IReadOnlyList<ExportPriceType> PriceTypes, IReadOnlyList<ExportWarehouse> Warehouses);

/// <summary>Группа: a category. Parents come before their children.</summary>
public sealed record ExportGroup(string Id, string? ParentId, string Name);

/// <summary>Свойство of type Справочник: a specification attribute and its options.</summary>
public sealed record ExportProperty(string Id, string Name, IReadOnlyList<ReferenceValue> Values);

/// <summary>ТипЦены.</summary>
public sealed record ExportPriceType(string Id, string Name, string Currency);

/// <summary>Склад.</summary>
public sealed record ExportWarehouse(string Id, string Name);

/// <summary>ЗначенияСвойства of a product: the property's 1C id and the value (a reference value id, or text).</summary>
public sealed record ExportPropertyValue(string PropertyId, string Value);

/// <summary>Товар.</summary>
public sealed record ExportProduct
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Sku { get; init; }
    public string? Gtin { get; init; }
    /// <summary>The requisite "Полное наименование": the short description, which an import reads back from it.</summary>
    public string? FullName { get; init; }
    /// <summary>Описание: the full description (HTML as the store keeps it).</summary>
    public string? Description { get; init; }
    public decimal? Weight { get; init; }
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    public ManufacturerRef? Manufacturer { get; init; }
    public IReadOnlyList<ExportPropertyValue> PropertyValues { get; init; } = [];
    /// <summary>Картинка: absolute URLs 1C downloads (as 1C-Bitrix exports files as URLs).</summary>
    public IReadOnlyList<string> Images { get; init; } = [];
}

/// <summary>Цена of an offer.</summary>
public sealed record ExportPrice(string PriceTypeId, decimal PricePerUnit, string Currency);

/// <summary>Предложение: a product ("product") or one of its attribute combinations ("product#combination").</summary>
public sealed record ExportOffer
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Sku { get; init; }
    public string? Gtin { get; init; }
    /// <summary>ХарактеристикиТовара: attribute name and value of a combination.</summary>
    public IReadOnlyList<Characteristic> Characteristics { get; init; } = [];
    public IReadOnlyList<ExportPrice> Prices { get; init; } = [];
    /// <summary>Количество: the total stock, or null when the store does not track it.</summary>
    public decimal? Quantity { get; init; }
    public IReadOnlyList<WarehouseStock> Stocks { get; init; } = [];
}
