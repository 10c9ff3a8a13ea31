using OneCExchange.Core.Catalog;

namespace OneCExchange.Tests.Catalog;

/// <summary>The entities the fake store keeps, shaped as nopCommerce keeps them.</summary>
public sealed partial class InMemoryCatalogStore
{
    public sealed class Category
    {
        public int Id { get; init; }
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        public int ParentCategoryId { get; set; }
        public int DisplayOrder { get; set; }
        public bool Published { get; set; }
    }

    public sealed class SpecificationAttribute
    {
        public int Id { get; init; }
        public string Name { get; set; } = "";
    }

    public sealed class SpecificationOption
    {
        public int Id { get; init; }
        public int AttributeId { get; set; }
        public string Name { get; set; } = "";
        public int DisplayOrder { get; set; }
    }

    public sealed record Named(int Id, string Name);

    public sealed class Picture
    {
        public int Id { get; init; }
        public string ContentHash { get; set; } = "";
        public string SourceFile { get; set; } = "";
        public string MimeType { get; set; } = "";
        public string SeoFileName { get; set; } = "";
        public string? Caption { get; set; }
    }

    public sealed record Specification(int OptionId, string? CustomValue, bool AllowFiltering, int DisplayOrder);

    public sealed record Tier(string Role, decimal Price);

    public sealed class Product
    {
        public int Id { get; init; }
        public string Name { get; set; } = "";
        public string? Sku { get; set; }
        public string? Gtin { get; set; }
        public string? ShortDescription { get; set; }
        public string? FullDescription { get; set; }
        public decimal Weight { get; set; }
        public List<int> ManufacturerIds { get; set; } = [];
        public int TaxCategoryId { get; set; }
        public List<int> CategoryIds { get; set; } = [];
        public List<Specification> Specifications { get; set; } = [];
        public List<int> PictureIds { get; set; } = [];
        public bool Published { get; set; }
        public int OrderMinimumQuantity { get; set; }
        public int OrderMaximumQuantity { get; set; }
        public bool VisibleIndividually { get; set; }
        public bool ManageInventory { get; set; }
        public bool ManageStockByAttributes { get; set; }
        public bool UseMultipleWarehouses { get; set; }
        public int StockQuantity { get; set; }
        public Dictionary<int, int> WarehouseStock { get; set; } = [];
        public decimal Price { get; set; }
        public decimal OldPrice { get; set; }
        public decimal ProductCost { get; set; }
        public List<Tier> TierPrices { get; set; } = [];
        public object? Source { get; set; }
    }

    public sealed class Combination
    {
        public int Id { get; init; }
        public int ProductId { get; init; }
        public List<VariantAttribute> Attributes { get; set; } = [];
        public string? Sku { get; set; }
        public string? Gtin { get; set; }
        public int StockQuantity { get; set; }
        public decimal? OverriddenPrice { get; set; }
        public bool Available { get; set; } = true;
    }

    public sealed class MappingRow
    {
        public int EntityId { get; set; }
        public string? Hash { get; set; }
        public string? LastSessionId { get; set; }
    }
}
