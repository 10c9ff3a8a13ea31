using Microsoft.Extensions.DependencyInjection;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// The store side of the order exchange. The event consumer needs no registration: nopCommerce registers every
/// IConsumer&lt;T&gt; it finds.
/// </summary>
public static class OrderServicesRegistration
{
    public static IServiceCollection AddOneCOrderServices(this IServiceCollection services)
    {
        services.AddScoped<OrderExportStateService>();
        services.AddScoped<ContractorSnapshotFactory>();
        services.AddScoped<OrderSnapshotFactory>();
        services.AddScoped<OrderPageLoader>();
        services.AddScoped<IOrderExchangeOptionsProvider, SettingsOrderExchangeOptionsProvider>();
        services.AddScoped<IOrderSource, NopOrderSource>();
        services.AddScoped<OrderStatusWriter>();
        services.AddScoped<OrderShipmentWriter>();
        services.AddScoped<OrderOneCStateWriter>();
        services.AddScoped<OrderChangeNoteWriter>();
        services.AddScoped<IOrderChangeSink, NopOrderChangeSink>();
        services.AddScoped<OrderOneCInfoModelFactory>();
        return services;
    }
}
