namespace OneCExchange.Core.Orders;

/// <summary>The order exchange settings, filled by the host from its settings (same names) for each request.</summary>
public sealed record OrderExchangeOptions
{
    /// <summary>ВерсияСхемы written when 1C sends no version at init: "2.05", "2.08" or "2.10" (2.10 wraps each order in Контейнер).</summary>
    public string OrderSchemaVersion { get; init; } = "2.08";

    /// <summary>"utf-8" (no BOM) or "windows-1251".</summary>
    public string OrderEncoding { get; init; } = "utf-8";

    /// <summary>Export only orders in these statuses (nopCommerce OrderStatus ids 10/20/30/40); empty means all.</summary>
    public IReadOnlyList<int> ExportOrderStatusIds { get; init; } = [];

    public bool ExportPaidOrdersOnly { get; init; }

    /// <summary>Export only orders placed at or after this moment (UTC); null means all.</summary>
    public DateTime? ExportOrdersFromUtc { get; init; }

    /// <summary>Names of the customer attributes that hold a company's ИНН and КПП; null when the store does not collect them.</summary>
    public string? InnCustomerAttributeName { get; init; }
    public string? KppCustomerAttributeName { get; init; }

    /// <summary>Lines "&lt;1C status&gt;=&lt;Pending|Processing|Complete|Cancelled&gt;"; the 1C status is matched
    /// against Статус заказа and Статуса заказа ИД, ignoring case. See <see cref="OrderStatusMap"/>.</summary>
    public string? OrderStatusMappings { get; init; }

    /// <summary>Notify the customer when 1C cancels, ships or changes the status of an order.</summary>
    public bool NotifyCustomerOnStatusChange { get; init; }

    /// <summary>At most this many orders per mode=query.</summary>
    public int MaxOrdersPerQuery { get; init; } = 500;
}
