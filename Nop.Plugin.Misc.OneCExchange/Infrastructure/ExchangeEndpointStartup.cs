using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;
using Nop.Data;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure;

/// <summary>
/// Puts the exchange endpoint into the request pipeline ahead of nopCommerce's static files (order 99: response
/// compression, bundling, static files) and common middleware (order 100: keep-alive, install check, session, request
/// culture), after its error handlers (order 0): 1C's requests need none of those, and a picture upload is one of
/// 20,000 requests in a row. The middleware sets the request culture itself; a store whose database is not installed
/// yet gets no endpoint (nopCommerce's install check then answers the address). A startup of its own: the plugin's
/// services are registered by <see cref="NopStartup"/> at order 3000, after nopCommerce's.
/// </summary>
public class ExchangeEndpointStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void Configure(IApplicationBuilder application)
    {
        if (!IsDatabaseInstalled())
            return;

        application.UseMiddleware<ExchangeMiddleware>();
    }

    /// <summary>Read once, when the pipeline is built (nopCommerce restarts the site after its installation).</summary>
    protected virtual bool IsDatabaseInstalled() => DataSettingsManager.IsDatabaseInstalled();

    public int Order => 98;
}
