namespace OneCExchange.Core.Catalog;

/// <summary>
/// What a mapping row is about. Stored by name in the host's mapping table (keep names stable).
/// Keys are 1C ids unless said otherwise; keys the pipeline composes are at most <see cref="MappingKeys.MaxLength"/>
/// characters.
/// </summary>
public enum CatalogEntityKind
{
    /// <summary>Группа → Category. Key: group Ид.</summary>
    Category,
    /// <summary>Свойство → SpecificationAttribute. Key: property Ид.</summary>
    SpecificationAttribute,
    /// <summary>Reference value → SpecificationAttributeOption. Key: "propertyId/valueId", or "propertyId/=text" for a
    /// value without id, or "propertyId/*" for the option that carries custom (free text/number) values.</summary>
    SpecificationOption,
    /// <summary>Изготовитель → Manufacturer. Key: manufacturer Ид, or "=name" when 1C sends only a name (or the
    /// manufacturer comes from a property value).</summary>
    Manufacturer,
    /// <summary>Tax category by VAT rate. Key: the pipeline's tax key, e.g. "VAT:20", "VAT:none".</summary>
    TaxCategory,
    /// <summary>Склад → Warehouse created on first sight (only when the settings allow it). Key: warehouse Ид.</summary>
    Warehouse,
    /// <summary>Товар → Product. Key: product Ид. Hash: of the catalog data (import file).</summary>
    Product,
    /// <summary>Картинка → Picture of a product. Key: "productId|relativePath". Hash: SHA-256 of the file.</summary>
    Picture,
    /// <summary>Offer "product#characteristic" → ProductAttributeCombination. Key: the offer Ид as sent.</summary>
    Variant,
    /// <summary>Prices of an offer. Key: the offer Ид; EntityId: the product or combination the prices went to.</summary>
    OfferPrices,
    /// <summary>Stock of an offer. Key: the offer Ид; EntityId: the product or combination the stock went to.</summary>
    OfferStock,
}

/// <summary>A mapping row addressed by kind and key.</summary>
public readonly record struct EntityKey(CatalogEntityKind Kind, string Key)
{
    public override string ToString() => $"{Kind} {Key}";
}
