namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>The kind of store entity a 1C id is mapped to. Stored as int: never renumber.</summary>
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
    ProductAttribute = 9,
    ProductAttributeValue = 10,
    TaxCategory = 11,
    /// <summary>The prices of an offer (EntityId: the product or combination they went to).</summary>
    OfferPrices = 12,
    /// <summary>The stock of an offer (EntityId: the product or combination it went to).</summary>
    OfferStock = 13,
    Order = 20,
    Customer = 21
}
