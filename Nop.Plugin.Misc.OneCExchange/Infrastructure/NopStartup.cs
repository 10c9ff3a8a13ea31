using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Factories;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Plugin.Misc.OneCExchange.Services.CatalogExport;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Plugin.Misc.OneCExchange.Services.Localization;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using Nop.Plugin.Misc.OneCExchange.Services.Mappings;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
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
        services.AddScoped<PluginLocaleResources>();
        services.AddScoped<IExchangeEndpointFactory, ExchangeEndpointFactory>();
        services.AddScoped(provider => new ExchangeHandlers(
            new RememberingCatalogImports(provider.GetRequiredService<NopCatalogExchange>(), provider.GetRequiredService<CatalogSessions>(),
                provider.GetRequiredService<SeenReferencesService>()),
            new OrderChangesImportFactory(new RememberingOrderChangeSink(provider.GetRequiredService<RequestScopedOrderChangeSink>(),
                    provider.GetRequiredService<SeenReferencesService>()),
                provider.GetRequiredService<IOrderExchangeOptionsProvider>(), provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<NopCatalogExchange>(),
            new OrderExchange(provider.GetRequiredService<IOrderSource>(), provider.GetRequiredService<IOrderExchangeOptionsProvider>(),
                provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<IPendingOrders>(),
            provider.GetRequiredService<ICatalogExportSource>()));

        // The catalog: Core's pipeline (per-session state lives across requests) over the nopCommerce catalog store.
        services.AddSingleton<CatalogSessions>();
        services.AddSingleton<RequestScopedCatalogStore>();
        services.AddScoped<ICatalogImportOptionsFactory, CatalogImportOptionsFactory>();
        services.AddScoped<NopCatalogExchange>();
        services.AddOneCCatalogStore();

        // What 1C has sent (price types, warehouses, order statuses), for the configure page's mapping choices;
        // the manual exchange (upload, dry run, step-wise import from the admin).
        services.AddSingleton<SeenReferencesService>();
        services.AddScoped<PickedMappingsService>();
        services.AddSingleton<DryRunRegistry>();
        services.AddScoped<DryRunStepper>();
        services.AddScoped<IManualExchangeService, ManualExchangeService>();
        services.AddScoped<IManualExchangeModelFactory, ManualExchangeModelFactory>();

        // The orders: the order source and change sink over nopCommerce's order services.
        services.AddSingleton<RequestScopedOrderChangeSink>();
        services.AddOneCOrderServices();

        // type=listen and type=get_catalog: pending orders asked of the database, the catalog read a page at a time.
        services.AddScoped<IPendingOrders, NopPendingOrders>();
        services.AddScoped<ExportIdAssigner>();
        services.AddScoped<CatalogExportOfferReader>();
        services.AddScoped<ICatalogExportSource, NopCatalogExportSource>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3000;
}
