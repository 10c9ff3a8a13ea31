using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Settings;

namespace OneCExchange.Core.Orders;

/// <summary>
/// The OrderStatusMappings setting (lines "&lt;1C status&gt;=&lt;Pending|Processing|Complete|Cancelled&gt;", parsed by
/// <see cref="MappingLines.ParseOrderStatuses"/>) as a lookup: a 1C status name or id is matched ignoring case and
/// surrounding spaces.
/// </summary>
public sealed class OrderStatusMap
{
    private readonly Dictionary<string, StoreOrderStatus> _map;

    private OrderStatusMap(Dictionary<string, StoreOrderStatus> map) => _map = map;

    public int Count => _map.Count;

    /// <exception cref="ImportException">A line is not "name=status", names an unknown store status, or repeats a 1C status.</exception>
    public static OrderStatusMap Parse(string? text)
    {
        var parsed = MappingLines.ParseOrderStatuses(text);
        if (!parsed.IsValid)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.InvalidOrderStatusMappings, string.Join(", ", parsed.InvalidLines)));
        return new(parsed.Items.ToDictionary(item => item.Source, item => (StoreOrderStatus)(int)item.Status,
            StringComparer.OrdinalIgnoreCase));
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
