namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>The kinds of store entities <see cref="OneCMapping"/> links to 1C ids.</summary>
public enum OneCEntityType
{
    Category = 1,
    SpecificationAttribute = 2,
    SpecificationAttributeOption = 3,
    Product = 4,
    /// <summary>A variant; its OneCId is the full "product#variant" Ид.</summary>
    ProductAttributeCombination = 5,
    Manufacturer = 6,
    Picture = 7,
    Warehouse = 8,
}
