using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.Catalog;

// Host-neutral write commands. The pipeline has made every mapping decision: values are final (safe HTML, converted
// prices, unique slugs, resolved host ids); the store only writes them with nopCommerce entities.
// Conventions for every command:
//  - EntityId null = create a new entity; otherwise update that entity (it exists: the id came from the mapping table).
//  - A nullable field left null = "leave the stored value alone" (1C does not own that field or did not send it),
//    except where a field says otherwise. On create, required fields are always given.
//  - Kind/Key/Hash are written to the mapping table with the outcome's entity id (see ICatalogStore.ApplyAsync).

/// <summary>Base of the commands of a <see cref="CatalogBatch"/>.</summary>
public abstract record CatalogCommand
{
    public abstract CatalogEntityKind Kind { get; }

    /// <summary>The mapping key (see <see cref="CatalogEntityKind"/>).</summary>
    public required string Key { get; init; }

    /// <summary>The content hash to remember for this key.</summary>
    public string? Hash { get; init; }

    /// <summary>The existing host entity, or null to create one.</summary>
    public int? EntityId { get; init; }

    /// <summary>
    /// True when the mapping table had no row for (Kind, Key) as the pipeline built the command, so the store inserts
    /// the row without looking for it (a new catalog then costs no mapping lookup); false when a row may exist.
    /// </summary>
    public bool Unmapped { get; init; }

    public override string ToString() => $"{Kind} {Key}";
}

/// <summary>Group → category. Categories are sent parents first.</summary>
public sealed record UpsertCategory : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.Category;
    public required string Name { get; init; }
    /// <summary>Safe HTML, or null to leave it.</summary>
    public string? Description { get; init; }
    /// <summary>The parent category id; 0 at the top (always given: a move updates it).</summary>
    public int ParentCategoryId { get; init; }
    /// <summary>Position among its siblings in 1C's order.</summary>
    public int DisplayOrder { get; init; }
    public bool Published { get; init; }
    /// <summary>Unique SEO slug to set (only on create; null = keep the existing one).</summary>
    public string? Slug { get; init; }
    public Group? Source { get; init; }
}

/// <summary>Property → specification attribute.</summary>
public sealed record UpsertSpecificationAttribute : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.SpecificationAttribute;
    public required string Name { get; init; }
    public int DisplayOrder { get; init; }
    public PropertyDefinition? Source { get; init; }
}

/// <summary>Reference value (or the placeholder for custom values) → specification attribute option.</summary>
public sealed record UpsertSpecificationOption : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.SpecificationOption;
    public required int SpecificationAttributeId { get; init; }
    public required string Name { get; init; }
    public int DisplayOrder { get; init; }
}

/// <summary>Manufacturer (by Изготовитель or the configured property).</summary>
public sealed record UpsertManufacturer : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.Manufacturer;
    public required string Name { get; init; }
    public bool Published { get; init; } = true;
    /// <summary>Unique SEO slug (only on create).</summary>
    public string? Slug { get; init; }
}

/// <summary>Tax category for a VAT rate: the store finds one by exact name or creates it.</summary>
public sealed record UpsertTaxCategory : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.TaxCategory;
    /// <summary>E.g. "НДС 20%", "Без НДС".</summary>
    public required string Name { get; init; }
}

/// <summary>A 1C warehouse created in the store on first sight (setting CreateWarehouses).</summary>
public sealed record UpsertWarehouse : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.Warehouse;
    public required string Name { get; init; }
    public string? Address { get; init; }
}

/// <summary>One specification value of a product.</summary>
/// <param name="OptionId">The option (for custom values: the attribute's placeholder option).</param>
/// <param name="CustomValue">Free text or number (null for an option value).</param>
/// <param name="AllowFiltering">True for option values (filterable in the catalog).</param>
public sealed record ProductSpecification(int OptionId, string? CustomValue, bool AllowFiltering, int DisplayOrder);

public enum PictureAction
{
    /// <summary>New picture from <see cref="ProductPicture.FilePath"/>.</summary>
    Add,
    /// <summary>The file changed: replace the binary of <see cref="ProductPicture.PictureId"/> (keeping its id).</summary>
    Replace,
    /// <summary>Unchanged file: only the display order (and caption) may change.</summary>
    Keep,
}

/// <summary>A picture of a product in 1C's order.</summary>
/// <param name="Key">Mapping key of kind Picture ("productId|relativePath").</param>
/// <param name="PictureId">The existing picture (Replace/Keep), null for Add.</param>
/// <param name="FilePath">Absolute path of the staged file (read it for Add/Replace).</param>
/// <param name="RelativePath">As written in the CommerceML file.</param>
/// <param name="ContentHash">SHA-256 (hex) of the file; remember it as the Picture mapping's hash.</param>
/// <param name="MimeType">From the file extension, e.g. "image/jpeg".</param>
/// <param name="SeoFileName">File name stem for the picture URL (the product slug).</param>
public sealed record ProductPicture(PictureAction Action, string Key, int? PictureId, string FilePath,
    string RelativePath, string ContentHash, string MimeType, string SeoFileName, int DisplayOrder, string? Caption);

/// <summary>
/// Product from the catalog (import file). Pictures: the store adds/replaces/keeps what <see cref="Pictures"/> lists,
/// deletes the pictures in <see cref="RemovedPictureIds"/> from the product (and their Picture mappings), and writes a
/// Picture mapping row (key, picture id, content hash) for each listed picture.
/// </summary>
public sealed record UpsertProduct : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.Product;
    public string? Name { get; init; }
    public string? Sku { get; init; }
    /// <summary>GTIN from the barcode.</summary>
    public string? Gtin { get; init; }
    /// <summary>Safe HTML.</summary>
    public string? ShortDescription { get; init; }
    /// <summary>Safe HTML.</summary>
    public string? FullDescription { get; init; }
    public decimal? Weight { get; init; }
    /// <summary>The product's only manufacturer (replaces the manufacturers set by the exchange); null = leave.</summary>
    public int? ManufacturerId { get; init; }
    /// <summary>0 = not taxable / leave alone when null.</summary>
    public int? TaxCategoryId { get; init; }
    /// <summary>The complete set of categories (others are removed); null = leave.</summary>
    public IReadOnlyList<int>? CategoryIds { get; init; }
    /// <summary>The complete specification list (others are removed); null = leave.</summary>
    public IReadOnlyList<ProductSpecification>? Specifications { get; init; }
    /// <summary>The complete picture list in order; null = leave pictures alone.</summary>
    public IReadOnlyList<ProductPicture>? Pictures { get; init; }
    public IReadOnlyList<int> RemovedPictureIds { get; init; } = [];
    /// <summary>Null = leave.</summary>
    public bool? Published { get; init; }
    /// <summary>Unique SEO slug (only on create).</summary>
    public string? Slug { get; init; }
    /// <summary>Sellable defaults for a new product; null on update.</summary>
    public NewProductDefaults? Defaults { get; init; }
    /// <summary>Everything 1C sent (unknown requisites and properties included), for extensions.</summary>
    public CommerceMl.Product? Source { get; init; }
}

/// <summary>Defaults that make a new product sellable.</summary>
public sealed record NewProductDefaults(int OrderMinimumQuantity, int OrderMaximumQuantity, bool VisibleIndividually,
    bool ManageInventory, bool DisplayStockAvailability);

/// <summary>An attribute value of a variant, e.g. ("Размер", "XL").</summary>
public sealed record VariantAttribute(string Name, string Value);

/// <summary>
/// Offer "product#characteristic" → attribute combination of <see cref="ProductId"/>. The store makes sure the product
/// has a product attribute (by name) with the value for each <see cref="Attributes"/> entry, and the combination of
/// exactly these values; it switches the product to stock management by attributes.
/// </summary>
public sealed record UpsertVariant : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.Variant;
    public required int ProductId { get; init; }
    public required IReadOnlyList<VariantAttribute> Attributes { get; init; }
    public string? Sku { get; init; }
    public string? Gtin { get; init; }
    /// <summary>False when 1C marked the variant deleted (the combination gets no stock and no orders).</summary>
    public bool Available { get; init; } = true;
    public Offer? Source { get; init; }
}

/// <summary>Where an offer's prices or stock go.</summary>
public enum OfferTarget { Product, Variant }

/// <summary>A tier price for a customer role (quantity 1, this store, no dates).</summary>
public sealed record TierPrice(string CustomerRoleSystemName, decimal Price);

/// <summary>
/// Prices of an offer, already converted to the store currency. For a product: Price/OldPrice/ProductCost (when not
/// null) set the product's fields; the store removes the product's tier prices of every role in
/// <see cref="ManagedTierRoles"/> (the roles price types are mapped to) and adds <see cref="TierPrices"/>, and sets
/// HasTierPrices accordingly. For a variant only Price is used (the combination's overridden price).
/// </summary>
public sealed record SetOfferPrices : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.OfferPrices;
    public required OfferTarget Target { get; init; }
    /// <summary>Product id or attribute combination id.</summary>
    public required int TargetId { get; init; }
    public decimal? Price { get; init; }
    public decimal? OldPrice { get; init; }
    public decimal? ProductCost { get; init; }
    public IReadOnlyList<TierPrice> TierPrices { get; init; } = [];
    public IReadOnlyList<string> ManagedTierRoles { get; init; } = [];
    /// <summary>Everything 1C sent with the offer, for extensions.</summary>
    public Offer? Source { get; init; }
}

/// <summary>Stock of one warehouse.</summary>
public sealed record WarehouseQuantity(int WarehouseId, int Quantity);

/// <summary>
/// Stock of an offer. For a product: with <see cref="Warehouses"/> null the product tracks total stock
/// (<see cref="Quantity"/>); otherwise it uses multiple warehouses with exactly these quantities (others set to 0) and
/// <see cref="Quantity"/> is their sum. For a variant: the combination's stock quantity. The product's out-of-stock
/// rules (store settings) then apply as for any product.
/// </summary>
public sealed record SetOfferStock : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.OfferStock;
    public required OfferTarget Target { get; init; }
    public required int TargetId { get; init; }
    public required int Quantity { get; init; }
    public IReadOnlyList<WarehouseQuantity>? Warehouses { get; init; }
    /// <summary>Everything 1C sent with the offer, for extensions.</summary>
    public Offer? Source { get; init; }
}

/// <summary>
/// Sets the product's stock quantity to the sum of its attribute combinations' stock (sent after variant stock changed).
/// Key: the product Ид. Exception to the convention: it writes no mapping row.
/// </summary>
public sealed record RollUpVariantStock : CatalogCommand
{
    public override CatalogEntityKind Kind => CatalogEntityKind.Product;
    public required int ProductId { get; init; }
}

/// <summary>
/// Unpublishes a category or product (1C marked it deleted). Never deletes. Writes the mapping row like any command
/// (Kind = the entity's kind). For a Variant: the combination gets stock 0 and no backorders.
/// </summary>
public sealed record UnpublishEntity : CatalogCommand
{
    public required CatalogEntityKind EntityKind { get; init; }
    public override CatalogEntityKind Kind => EntityKind;
}
