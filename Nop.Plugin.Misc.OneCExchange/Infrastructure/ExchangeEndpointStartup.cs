using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure;

/// <summary>
/// Puts the exchange endpoint into the request pipeline right after nopCommerce's common middleware (error handling,
/// static files and compression, keep-alive, install check, session, request culture; order 100) and before its
/// routing (400), authentication (500) and MVC (1000). A startup of its own: the plugin's services are registered by
/// <see cref="NopStartup"/> at order 3000, after nopCommerce's.
/// </summary>
public class ExchangeEndpointStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void Configure(IApplicationBuilder application)
    {
        application.UseMiddleware<ExchangeMiddleware>();
    }

    public int Order => 101;
}
