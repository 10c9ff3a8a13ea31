using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Orders;

/// <summary>Which due orders go to 1C, from the order exchange settings (mode=query and type=listen agree on it).</summary>
public static class OrderExportFilters
{
    public static OrderExportFilter From(OrderExchangeOptions options) => new(
        options.ExportOrderStatusIds.Where(id => Enum.IsDefined(typeof(StoreOrderStatus), id))
            .Select(id => (StoreOrderStatus)id).ToArray(),
        options.ExportPaidOrdersOnly, options.ExportOrdersFromUtc, Math.Max(1, options.MaxOrdersPerQuery));
}
