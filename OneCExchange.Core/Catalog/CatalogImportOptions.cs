namespace OneCExchange.Core.Catalog;

/// <summary>
/// The catalog import settings, filled by the host from its settings page. Defaults are the plugin's defaults.
/// </summary>
public sealed record CatalogImportOptions
{
    /// <summary>Lines "&lt;1C price type id or name&gt;=Price|OldPrice|ProductCost|Tier:&lt;customer role system name&gt;".
    /// Parsed by <see cref="PriceTypeMapping.ParseLines"/>. An offer price of an unmapped type is ignored; when no
    /// line is given at all, the first price type used by an offer of the session goes to Price.</summary>
    public IReadOnlyList<PriceTypeMapping> PriceTypeMappings { get; init; } = [];

    /// <summary>ISO code of the store's primary currency, e.g. "RUB".</summary>
    public string StoreCurrencyCode { get; init; } = "RUB";

    /// <summary>Rates for prices in another currency; null = no conversion (a foreign price is then skipped with a
    /// warning).</summary>
    public ICurrencyRateProvider? CurrencyRates { get; init; }

    /// <summary>Lines "&lt;1C warehouse id or name&gt;=&lt;nop warehouse id&gt;". With no mapping and
    /// <see cref="CreateWarehouses"/> off, products track total stock only.</summary>
    public IReadOnlyList<WarehouseMapping> WarehouseMappings { get; init; } = [];

    /// <summary>Create a store warehouse for a 1C warehouse that has no mapping (on first sight).</summary>
    public bool CreateWarehouses { get; init; }

    /// <summary>Name (or Ид) of the 1C property holding the manufacturer; null/empty = Изготовитель.</summary>
    public string? ManufacturerPropertyName { get; init; }

    /// <summary>What a full exchange does with items it did not carry.</summary>
    public MissingItemsAction MissingItemsAction { get; init; } = MissingItemsAction.Unpublish;

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
}

public enum MissingItemsAction { Leave, Unpublish }

/// <summary>Where a 1C price type's price goes.</summary>
public enum PriceTargetKind { Price, OldPrice, ProductCost, Tier }

/// <param name="PriceType">1C price type Ид or name (matched case-insensitively).</param>
/// <param name="CustomerRole">Customer role system name, for <see cref="PriceTargetKind.Tier"/> only.</param>
public sealed record PriceTypeMapping(string PriceType, PriceTargetKind Target, string? CustomerRole = null)
{
    /// <summary>Parses the settings text (one mapping a line; blank lines and lines starting with '#' ignored).</summary>
    /// <exception cref="FormatException">A line is not valid; the message names it.</exception>
    public static IReadOnlyList<PriceTypeMapping> ParseLines(string? text) =>
        SettingLines.Parse(text, (key, value, line) =>
        {
            if (value.StartsWith("Tier:", StringComparison.OrdinalIgnoreCase) && value.Length > 5)
                return new PriceTypeMapping(key, PriceTargetKind.Tier, value[5..].Trim());
            if (Enum.TryParse<PriceTargetKind>(value, ignoreCase: true, out var target) && target != PriceTargetKind.Tier)
                return new PriceTypeMapping(key, target);
            throw new FormatException(
                $"Price type mapping \"{line}\": expected Price, OldPrice, ProductCost or Tier:<customer role system name>.");
        });
}

/// <param name="Warehouse">1C warehouse Ид or name (matched case-insensitively).</param>
public sealed record WarehouseMapping(string Warehouse, int WarehouseId)
{
    /// <exception cref="FormatException">A line is not valid; the message names it.</exception>
    public static IReadOnlyList<WarehouseMapping> ParseLines(string? text) =>
        SettingLines.Parse(text, (key, value, line) =>
            int.TryParse(value, out var id) && id > 0
                ? new WarehouseMapping(key, id)
                : throw new FormatException($"Warehouse mapping \"{line}\": expected <1C warehouse>=<store warehouse id>."));
}

/// <summary>Exchange rates between currencies, as the store knows them.</summary>
public interface ICurrencyRateProvider
{
    /// <summary>The factor that converts an amount in <paramref name="fromCurrencyCode"/> to
    /// <paramref name="toCurrencyCode"/>; false when unknown.</summary>
    bool TryGetRate(string fromCurrencyCode, string toCurrencyCode, out decimal rate);
}

internal static class SettingLines
{
    public static IReadOnlyList<T> Parse<T>(string? text, Func<string, string, string, T> parse)
    {
        var result = new List<T>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var eq = line.LastIndexOf('=');
            if (eq <= 0 || eq == line.Length - 1)
                throw new FormatException($"Setting line \"{line}\": expected <key>=<value>.");
            result.Add(parse(line[..eq].Trim(), line[(eq + 1)..].Trim(), line));
        }
        return result;
    }
}
