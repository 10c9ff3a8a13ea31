using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>The mapping table's entity type of each catalog kind of the pipeline.</summary>
public static class CatalogMappingTypes
{
    public static OneCEntityType Of(CatalogEntityKind kind) => kind switch
    {
        CatalogEntityKind.Category => OneCEntityType.Category,
        CatalogEntityKind.SpecificationAttribute => OneCEntityType.SpecificationAttribute,
        CatalogEntityKind.SpecificationOption => OneCEntityType.SpecificationAttributeOption,
        CatalogEntityKind.Manufacturer => OneCEntityType.Manufacturer,
        CatalogEntityKind.TaxCategory => OneCEntityType.TaxCategory,
        CatalogEntityKind.Warehouse => OneCEntityType.Warehouse,
        CatalogEntityKind.Product => OneCEntityType.Product,
        CatalogEntityKind.Picture => OneCEntityType.Picture,
        CatalogEntityKind.Variant => OneCEntityType.ProductAttributeCombination,
        CatalogEntityKind.OfferPrices => OneCEntityType.OfferPrices,
        CatalogEntityKind.OfferStock => OneCEntityType.OfferStock,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no mapping entity type for this catalog kind")
    };

    /// <summary>The stored <see cref="OneCMapping.EntityTypeId"/> value (queries compare the column, not the enum wrapper).</summary>
    public static int IdOf(CatalogEntityKind kind) => (int)Of(kind);
}
