namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>The kind of store entity a 1C id is mapped to. Stored as int: never renumber, never reuse a number
/// (9, 10, 20 and 21 were declared once and never written).</summary>
public enum OneCEntityType
{
    Category = 1,
    SpecificationAttribute = 2,
    SpecificationAttributeOption = 3,
    Product = 4,
    ProductAttributeCombination = 5,
    Manufacturer = 6,
    Picture = 7,
    Warehouse = 8,
    TaxCategory = 11,
    /// <summary>The prices of an offer (EntityId: the product or combination they went to).</summary>
    OfferPrices = 12,
    /// <summary>The stock of an offer (EntityId: the product or combination it went to).</summary>
    OfferStock = 13
}
