namespace OneCExchange.Core.Settings;

/// <summary>
/// Parses the "source=target" line lists an administrator types in the settings (price types, warehouses, order
/// statuses). Blank lines and lines starting with '#' are ignored; the source is a 1C id or name, matched as typed.
/// </summary>
public static class MappingLines
{
    public static MappingParseResult<PriceTypeMapping> ParsePriceTypes(string? text) => Parse(text, ParsePriceTarget);

    public static MappingParseResult<WarehouseMapping> ParseWarehouses(string? text) => Parse(text, (source, target) =>
        string.Equals(target, IgnoreTarget, StringComparison.OrdinalIgnoreCase)
            ? new WarehouseMapping(source, WarehouseMapping.Ignored)
            : int.TryParse(target, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
                ? new WarehouseMapping(source, id)
                : null);

    /// <summary>The target that tells the exchange to leave a 1C price type or warehouse out.</summary>
    public const string IgnoreTarget = "Ignore";

    public static MappingParseResult<OrderStatusMapping> ParseOrderStatuses(string? text) => Parse(text, (source, target) =>
        Enum.TryParse<OrderStatusTarget>(target, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(target, out _)
            ? new OrderStatusMapping(source, status)
            : null);

    /// <summary>
    /// The mappings picked on the configure page, then the typed lines (the advanced fallback) for sources no pick names.
    /// Both are in this line format; the result is too.
    /// </summary>
    public static string Combine(string? picked, string? typed)
    {
        var pickedLines = Lines(picked).ToList();
        var pickedSources = new HashSet<string>(pickedLines.Select(SourceOf), StringComparer.OrdinalIgnoreCase);
        return string.Join("\n", pickedLines.Concat(Lines(typed).Where(line => line.StartsWith('#') || !pickedSources.Contains(SourceOf(line)))));

        static IEnumerable<string> Lines(string? text) =>
            (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);

        static string SourceOf(string line) => line.LastIndexOf('=') is var separator and > 0 ? line[..separator].Trim() : line;
    }

    private static PriceTypeMapping? ParsePriceTarget(string source, string target)
    {
        const string tierPrefix = "Tier:";
        if (target.StartsWith(tierPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var role = target[tierPrefix.Length..].Trim();
            return role.Length == 0 ? null : new PriceTypeMapping(source, PriceTarget.Tier, role);
        }
        return target.ToLowerInvariant() switch
        {
            "price" => new PriceTypeMapping(source, PriceTarget.Price, null),
            "oldprice" => new PriceTypeMapping(source, PriceTarget.OldPrice, null),
            "productcost" => new PriceTypeMapping(source, PriceTarget.ProductCost, null),
            "ignore" => new PriceTypeMapping(source, PriceTarget.Ignore, null),
            _ => null
        };
    }

    private static MappingParseResult<T> Parse<T>(string? text, Func<string, string, T?> map) where T : class, IMappingLine
    {
        var items = new List<T>();
        var invalidLines = new List<int>();
        var sources = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text))
            return new MappingParseResult<T>(items, invalidLines);

        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var separator = line.LastIndexOf('=');
            var source = separator > 0 ? line[..separator].Trim() : "";
            var target = separator > 0 ? line[(separator + 1)..].Trim() : "";
            var item = source.Length > 0 && target.Length > 0 ? map(source, target) : null;
            if (item is null || !sources.Add(item.Source))
                invalidLines.Add(lineNumber);
            else
                items.Add(item);
        }
        return new MappingParseResult<T>(items, invalidLines);
    }
}

public interface IMappingLine
{
    /// <summary>The 1C id or name the line maps from.</summary>
    string Source { get; }
}

/// <summary>The mappings read, and the 1-based numbers of lines that are malformed or repeat a source.</summary>
public sealed record MappingParseResult<T>(IReadOnlyList<T> Items, IReadOnlyList<int> InvalidLines)
{
    public bool IsValid => InvalidLines.Count == 0;
}

/// <summary>Where a 1C price type goes in the store.</summary>
/// <remarks><see cref="Ignore"/>: the price type is left out (a mapping, so the "first price type is the price" default no longer applies).</remarks>
public enum PriceTarget { Price, OldPrice, ProductCost, Tier, Ignore }

/// <param name="CustomerRole">The customer role system name, for <see cref="PriceTarget.Tier"/> only.</param>
public sealed record PriceTypeMapping(string Source, PriceTarget Target, string? CustomerRole) : IMappingLine;

/// <param name="WarehouseId">The store warehouse, or <see cref="Ignored"/>: the 1C warehouse's stock is left out and it is never created.</param>
public sealed record WarehouseMapping(string Source, int WarehouseId) : IMappingLine
{
    public const int Ignored = 0;
}

/// <summary>The store order statuses a 1C status may map to (the values of nopCommerce's OrderStatus).</summary>
public enum OrderStatusTarget { Pending = 10, Processing = 20, Complete = 30, Cancelled = 40 }

public sealed record OrderStatusMapping(string Source, OrderStatusTarget Status) : IMappingLine;
