using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Factories;
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
        services.AddOneCCatalogStore();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3000;
}
