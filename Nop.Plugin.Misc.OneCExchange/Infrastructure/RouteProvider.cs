using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure;

/// <summary>The configure page and the exchange history (the exchange addresses are served by <see cref="ExchangeMiddleware"/>).</summary>
public class RouteProvider : IRouteProvider
{
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: OneCExchangeDefaults.ConfigurationRouteName,
            pattern: "Admin/OneCExchangeAdmin/Configure",
            defaults: new { controller = "OneCExchangeAdmin", action = "Configure", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: OneCExchangeDefaults.HistoryRouteName,
            pattern: "Admin/OneCExchange/History",
            defaults: new { controller = "OneCExchangeAdmin", action = "History", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: OneCExchangeDefaults.HistoryDetailsRouteName,
            pattern: "Admin/OneCExchange/History/{id:min(1)}",
            defaults: new { controller = "OneCExchangeAdmin", action = "HistoryDetails", area = AreaNames.ADMIN });
    }

    public int Priority => 0;
}
