using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Settings;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>The order exchange options from the plugin's settings, as saved on the configure page.</summary>
public class SettingsOrderExchangeOptionsProvider : IOrderExchangeOptionsProvider
{
    #region Fields

    protected readonly OneCExchangeSettings _settings;

    #endregion

    #region Ctor

    public SettingsOrderExchangeOptionsProvider(OneCExchangeSettings settings)
    {
        _settings = settings;
    }

    #endregion

    public virtual Task<OrderExchangeOptions> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new OrderExchangeOptions
        {
            OrderSchemaVersion = string.IsNullOrWhiteSpace(_settings.OrderSchemaVersion) ? "2.08" : _settings.OrderSchemaVersion.Trim(),
            OrderEncoding = string.IsNullOrWhiteSpace(_settings.OrderEncoding) ? "utf-8" : _settings.OrderEncoding.Trim(),
            ExportOrderStatusIds = _settings.ExportOrderStatusIds?.ToList() ?? [],
            ExportPaidOrdersOnly = _settings.ExportPaidOrdersOnly,
            MaxOrdersPerQuery = Math.Clamp(_settings.MaxOrdersPerQuery, 1, Validators.ConfigurationValidator.MaxOrdersPerQueryLimit),
            ExportOrdersFromUtc = _settings.ExportOrdersFromUtc,
            InnCustomerAttributeName = NullIfEmpty(_settings.InnCustomerAttributeName),
            KppCustomerAttributeName = NullIfEmpty(_settings.KppCustomerAttributeName),
            OrderStatusMappings = NullIfEmpty(MappingLines.Combine(_settings.PickedOrderStatusMappings, _settings.OrderStatusMappings)),
            NotifyCustomerOnStatusChange = _settings.NotifyCustomerOnStatusChange,
        });

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
