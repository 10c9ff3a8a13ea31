using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Factories;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure;

/// <summary>Registers the plugin's services.</summary>
public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // 1C may ask for windows-1251 answers and documents.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IConfigurationModelFactory, ConfigurationModelFactory>();
        services.AddScoped<IExchangeHistoryModelFactory, ExchangeHistoryModelFactory>();

        // The exchange protocol: process-wide runtime (open imports, lock-outs), per-request state, log and endpoint.
        services.AddSingleton<ExchangeRuntime>();
        services.AddScoped<IExchangeStateStore, ExchangeStateStore>();
        services.AddScoped<IExchangeLog, ExchangeLogService>();
        services.AddScoped<ExchangeMessageLocalizer>();
        services.AddScoped<IExchangeEndpointFactory, ExchangeEndpointFactory>();
        services.AddScoped(provider => new ExchangeHandlers(
            provider.GetRequiredService<NopCatalogExchange>(),
            new OrderChangesImportFactory(provider.GetRequiredService<RequestScopedOrderChangeSink>(),
                provider.GetRequiredService<IOrderExchangeOptionsProvider>(), provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<NopCatalogExchange>(),
            new OrderExchange(provider.GetRequiredService<IOrderSource>(), provider.GetRequiredService<IOrderExchangeOptionsProvider>(),
                provider.GetRequiredService<TimeProvider>())));

        // The catalog: Core's pipeline (per-session state lives across requests) over the nopCommerce catalog store.
        services.AddSingleton<CatalogSessions>();
        services.AddSingleton<RequestScopedCatalogStore>();
        services.AddScoped<ICatalogImportOptionsFactory, CatalogImportOptionsFactory>();
        services.AddScoped<NopCatalogExchange>();
        services.AddOneCCatalogStore();

        // The orders: the order source and change sink over nopCommerce's order services.
        services.AddSingleton<RequestScopedOrderChangeSink>();
        services.AddOneCOrderServices();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3000;
}
