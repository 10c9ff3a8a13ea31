using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Factories;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure;

/// <summary>Registers the plugin's services.</summary>
public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // 1C may ask for windows-1251 answers and documents.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        services.AddScoped<IConfigurationModelFactory, ConfigurationModelFactory>();

        // The exchange protocol: process-wide runtime (open imports, lock-outs), per-request state, log and endpoint.
        // The catalog and sale imports are keyed by ExchangeType; the catalog completion and the order exchange are single.
        services.AddSingleton<ExchangeRuntime>();
        services.AddScoped<IExchangeStateStore, ExchangeStateStore>();
        services.AddScoped<IExchangeLog, ExchangeLogService>();
        services.AddScoped(provider => new ExchangeHandlers(
            provider.GetRequiredKeyedService<IFileImportFactory>(ExchangeType.Catalog),
            provider.GetRequiredKeyedService<IFileImportFactory>(ExchangeType.Sale),
            provider.GetRequiredService<ICatalogCompletion>(),
            provider.GetRequiredService<IOrderExchange>()));
        services.AddScoped<IExchangeEndpointFactory, ExchangeEndpointFactory>();
        services.AddOneCOrderServices();
        services.AddOneCCatalogStore();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3000;
}
