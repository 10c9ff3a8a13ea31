using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl;

// Typed records produced by CommerceMlReader, one per item of a CommerceML file, in document order.
// Element names in comments are CommerceML's; everything 1C sends that has no typed field is kept in
// Requisites / PropertyValues so that integrators can still use it.

/// <summary>Where an item starts in its file (1-based line and position).</summary>
public sealed record SourceLocation(string File, int Line, int Position)
{
    public override string ToString() => $"{File}({Line},{Position})";
}

/// <summary>Something the reader met and could not interpret; the item is still produced where possible.</summary>
public sealed record CommerceMlWarning(SourceLocation Location, ExchangeMessage Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Base of every record the reader yields.</summary>
public abstract record CommerceMlRecord
{
    public required SourceLocation Location { get; init; }
}

/// <summary>КоммерческаяИнформация: the root element.</summary>
public sealed record DocumentHeader : CommerceMlRecord
{
    public required string SchemaVersion { get; init; }     // ВерсияСхемы, e.g. "2.08", "3.1"
    public string? Namespace { get; init; }                  // "", urn:1C.ru:commerceml_2, _210, _3
    public DateTime? GeneratedAt { get; init; }              // ДатаФормирования
}

/// <summary>Классификатор header (its groups, properties, price types... follow as separate records).</summary>
public sealed record ClassifierHeader : CommerceMlRecord
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public bool ContainsOnlyChanges { get; init; }           // СодержитТолькоИзменения
}

/// <summary>Группа, flattened: the tree is given by ParentId (null at the top), parents always come first.</summary>
public sealed record Group : CommerceMlRecord
{
    public required string Id { get; init; }
    public string? ParentId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public int Depth { get; init; }                          // 0 at the top
    public bool IsDeleted { get; init; }                     // ПометкаУдаления
}

public enum PropertyValueType { String, Number, Reference, Date, Boolean, Unknown }

/// <summary>A value of a reference (Справочник) property: ВариантыЗначений/Справочник.</summary>
public sealed record ReferenceValue(string Id, string Value);

/// <summary>Свойство (or СвойствоНоменклатуры in 2.03).</summary>
public sealed record PropertyDefinition : CommerceMlRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public PropertyValueType ValueType { get; init; }        // ТипЗначений
    public IReadOnlyList<ReferenceValue> ReferenceValues { get; init; } = [];
    public bool IsMultiple { get; init; }                    // Множественное
    public bool? ForProducts { get; init; }                  // ДляТоваров
    public bool? ForOffers { get; init; }                    // ДляПредложений
    public bool IsDeleted { get; init; }
}

/// <summary>Налог of a price type: the tax name and whether it is included in the price.</summary>
public sealed record PriceTax(string Name, bool IncludedInPrice);

/// <summary>ТипЦены (in Классификатор for 2.09/3.1, in ПакетПредложений for 2.0x).</summary>
public sealed record PriceType : CommerceMlRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Currency { get; init; }
    public PriceTax? Tax { get; init; }
    public bool IsDeleted { get; init; }
}

/// <summary>Склад definition.</summary>
public sealed record Warehouse : CommerceMlRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Address { get; init; }                    // Адрес/Представление
    public bool IsDeleted { get; init; }
}

/// <summary>A unit of measure: ЕдиницаИзмерения in the classifier, or БазоваяЕдиница of a product/offer.</summary>
public sealed record UnitOfMeasure : CommerceMlRecord
{
    public string? Id { get; init; }
    public string? Code { get; init; }                       // Код, trimmed ("796 " -> "796")
    public string? ShortName { get; init; }                  // НаименованиеКраткое or the element text ("шт")
    public string? FullName { get; init; }                   // НаименованиеПолное, trimmed
    public string? InternationalAbbreviation { get; init; }  // МеждународноеСокращение
}

/// <summary>Каталог header (its products follow as separate records).</summary>
public sealed record CatalogHeader : CommerceMlRecord
{
    public string? Id { get; init; }
    public string? ClassifierId { get; init; }
    public string? Name { get; init; }
    public bool ContainsOnlyChanges { get; init; }
}

/// <summary>ЗначениеРеквизита: a free name/value pair.</summary>
public sealed record Requisite(string Name, string Value);

/// <summary>Картинка, with the caption from the ОписаниеФайла requisite when present.</summary>
public sealed record ProductImage(string Path, string? Caption);

/// <summary>Изготовитель.</summary>
public sealed record ManufacturerRef(string? Id, string Name);

/// <summary>СтавкаНалога: e.g. ("НДС", "20") or ("НДС", "Без налога").</summary>
public sealed record TaxRate(string Name, string Rate)
{
    /// <summary>The rate as a number (20 for "20" or "20%"), null for "Без налога".</summary>
    public decimal? Percent => decimal.TryParse(Rate.TrimEnd('%', ' '), System.Globalization.NumberStyles.Number,
        System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
}

/// <summary>ХарактеристикаТовара: a variant attribute (Ид is optional in real files).</summary>
public sealed record Characteristic(string? Id, string Name, string Value);

/// <summary>One value of a property on a product or offer, resolved against the classifier when it is known.</summary>
public sealed record PropertyValueItem(string Text, string? ReferenceValueId);

/// <summary>ЗначенияСвойства: the property id, its name and type when known, and one or more values.</summary>
public sealed record PropertyValue
{
    public required string PropertyId { get; init; }
    public string? PropertyName { get; init; }               // from the classifier; null when unknown
    public PropertyValueType ValueType { get; init; } = PropertyValueType.Unknown;
    public IReadOnlyList<PropertyValueItem> Values { get; init; } = [];
}

/// <summary>Товар.</summary>
public sealed record Product : CommerceMlRecord
{
    public required string Id { get; init; }                 // as written; may be "product#characteristic" (2.04)
    public string? VersionNumber { get; init; }              // НомерВерсии
    public string? Sku { get; init; }                        // Артикул
    public string? Barcode { get; init; }                    // Штрихкод
    public required string Name { get; init; }
    public string? FullName { get; init; }                   // requisite "Полное наименование"
    public string? Description { get; init; }                // Описание, as sent
    public string? Code { get; init; }                       // Код (element or requisite)
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    public IReadOnlyList<ProductImage> Images { get; init; } = [];
    public ManufacturerRef? Manufacturer { get; init; }
    public string? Country { get; init; }
    public UnitOfMeasure? BaseUnit { get; init; }
    public decimal? Weight { get; init; }                    // Вес element (3.1) or requisite
    public string? ItemType { get; init; }                   // ТипНоменклатуры: Товар, Услуга, Набор...
    public IReadOnlyList<TaxRate> TaxRates { get; init; } = [];
    public IReadOnlyList<PropertyValue> PropertyValues { get; init; } = [];
    public IReadOnlyList<Characteristic> Characteristics { get; init; } = [];
    public IReadOnlyList<Requisite> Requisites { get; init; } = [];
    public bool IsDeleted { get; init; }                     // Статус="Удален" or ПометкаУдаления
}

/// <summary>ПакетПредложений header (also for prices___ and rests___ files).</summary>
public sealed record OfferPackageHeader : CommerceMlRecord
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? CatalogId { get; init; }
    public string? ClassifierId { get; init; }
    public bool ContainsOnlyChanges { get; init; }
}

/// <summary>Цена.</summary>
public sealed record OfferPrice(string PriceTypeId, decimal PricePerUnit, string? Currency, string? Unit,
    decimal? Coefficient, string? Presentation);

/// <summary>Stock of an offer in one warehouse, from any of 1C's forms.</summary>
public sealed record WarehouseStock(string WarehouseId, decimal Quantity);

/// <summary>Предложение: an offer of a product or of one of its variants ("product#characteristic").</summary>
public sealed record Offer : CommerceMlRecord
{
    public required string Id { get; init; }                 // exactly as sent
    public required string ProductId { get; init; }          // part before '#'
    public string? CharacteristicId { get; init; }           // part after '#', or ИдХарактеристики
    public string? VersionNumber { get; init; }
    public string? Sku { get; init; }
    public string? Barcode { get; init; }
    public string? Name { get; init; }
    public UnitOfMeasure? BaseUnit { get; init; }
    public IReadOnlyList<Characteristic> Characteristics { get; init; } = [];
    public IReadOnlyList<PropertyValue> PropertyValues { get; init; } = [];
    public IReadOnlyList<OfferPrice> Prices { get; init; } = [];   // empty when the file carries none
    public decimal? Quantity { get; init; }                  // total: Количество or Остаток/Количество
    public IReadOnlyList<WarehouseStock> Stocks { get; init; } = [];
    public bool HasPrices { get; init; }                     // Цены present (even if empty)
    public bool HasStock { get; init; }                      // Количество / Склад / Остатки present
    public IReadOnlyList<Requisite> Requisites { get; init; } = [];
    public bool IsDeleted { get; init; }
}
