using OneCExchange.Core.Ports;
using OneCExchange.Core.Settings;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The catalog import settings, filled by the host from its settings page. Defaults are the plugin's defaults.
/// </summary>
public sealed record CatalogImportOptions
{
    /// <summary>The setting lines "&lt;1C price type id or name&gt;=Price|OldPrice|ProductCost|Tier:&lt;role&gt;" as parsed by
    /// <see cref="MappingLines.ParsePriceTypes"/>; matched by Ид, else by name, case-insensitively. An offer price of an
    /// unmapped type is ignored; when no
    /// line is given at all, the first price type used by an offer of the session goes to Price.</summary>
    public IReadOnlyList<PriceTypeMapping> PriceTypeMappings { get; init; } = [];

    /// <summary>ISO code of the store's primary currency, e.g. "RUB".</summary>
    public string StoreCurrencyCode { get; init; } = "RUB";

    /// <summary>Rates for prices in another currency; null = no conversion (a foreign price is then skipped with a
    /// warning).</summary>
    public ICurrencyRateProvider? CurrencyRates { get; init; }

    /// <summary>The setting lines "&lt;1C warehouse id or name&gt;=&lt;nop warehouse id&gt;" as parsed by
    /// <see cref="MappingLines.ParseWarehouses"/>; matched by Ид, else by name. With no mapping and
    /// <see cref="CreateWarehouses"/> off, products track total stock only.</summary>
    public IReadOnlyList<WarehouseMapping> WarehouseMappings { get; init; } = [];

    /// <summary>Create a store warehouse for a 1C warehouse that has no mapping (on first sight).</summary>
    public bool CreateWarehouses { get; init; }

    /// <summary>Name (or Ид) of the 1C property holding the manufacturer; null/empty = Изготовитель.</summary>
    public string? ManufacturerPropertyName { get; init; }

    /// <summary>What a full exchange does with items it did not carry.</summary>
    public MissingItemsAction MissingItemsAction { get; init; } = MissingItemsAction.Unpublish;

    /// <summary>
    /// Create a product for an offer whose product the store does not have (offers-only packages): name, SKU, price and
    /// stock from the offer. Off: such offers are skipped and reported as one warning per file.
    /// </summary>
    public bool CreateProductsFromOffers { get; init; }

    /// <summary>Adopt an existing store product with the same SKU instead of creating one (logged).</summary>
    public bool AdoptProductsBySku { get; init; }

    // Which fields 1C owns: when off, the field is written when a product is created and never updated.
    public bool UpdateProductNames { get; init; } = true;
    public bool UpdateProductDescriptions { get; init; } = true;
    public bool UpdateProductCategories { get; init; } = true;
    public bool UpdateProductPictures { get; init; } = true;
    public bool UpdateProductPrices { get; init; } = true;
    public bool UpdateProductStock { get; init; } = true;

    /// <summary>New products are published (else they wait for a shop owner's review).</summary>
    public bool PublishNewProducts { get; init; } = true;

    /// <summary>Commands per store transaction.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>The store's column sizes; longer values are cut with a warning (the host passes its own if they differ).</summary>
    public ColumnLimits ColumnLimits { get; init; } = new();
}

public enum MissingItemsAction { Leave, Unpublish }
