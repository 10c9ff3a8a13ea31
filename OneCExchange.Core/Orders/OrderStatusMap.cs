namespace OneCExchange.Core.Orders;

/// <summary>
/// The OrderStatusMappings setting: lines "&lt;1C status&gt;=&lt;Pending|Processing|Complete|Cancelled&gt;". A 1C status
/// (name or id) is matched ignoring case and surrounding spaces; blank lines and lines starting with '#' are ignored.
/// </summary>
public sealed class OrderStatusMap
{
    private readonly Dictionary<string, StoreOrderStatus> _map;

    private OrderStatusMap(Dictionary<string, StoreOrderStatus> map) => _map = map;

    public static OrderStatusMap Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase));

    public int Count => _map.Count;

    /// <exception cref="FormatException">A line is not "name=status" or names an unknown store status.</exception>
    public static OrderStatusMap Parse(string? text)
    {
        var map = new Dictionary<string, StoreOrderStatus>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text))
            return new(map);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var separator = line.LastIndexOf('=');
            if (separator <= 0)
                throw new FormatException($"Order status mapping line {lineNumber} \"{line}\" is not \"<1C status>=<store status>\".");
            var oneCStatus = line[..separator].Trim();
            var storeStatus = line[(separator + 1)..].Trim();
            if (!Enum.TryParse<StoreOrderStatus>(storeStatus, ignoreCase: true, out var status)
                || !Enum.IsDefined(status) || int.TryParse(storeStatus, out _))
                throw new FormatException(
                    $"Order status mapping line {lineNumber}: \"{storeStatus}\" is not one of Pending, Processing, Complete, Cancelled.");
            map[oneCStatus] = status;
        }
        return new(map);
    }

    /// <summary>The store status for the first of the given 1C values that is mapped (name first, then id), or null.</summary>
    public StoreOrderStatus? Find(params ReadOnlySpan<string?> oneCValues)
    {
        foreach (var value in oneCValues)
            if (!string.IsNullOrWhiteSpace(value) && _map.TryGetValue(value.Trim(), out var status))
                return status;
        return null;
    }
}
