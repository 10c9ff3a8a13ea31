using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// The order change sink of the request being served: an import of 1C's order changes stays open across mode=import
/// requests, so it must not keep the nopCommerce services of the request that opened it.
/// </summary>
public class RequestScopedOrderChangeSink : IOrderChangeSink
{
    #region Fields

    protected readonly IHttpContextAccessor _httpContextAccessor;

    #endregion

    #region Ctor

    public RequestScopedOrderChangeSink(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    #endregion

    public virtual Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken) =>
        (_httpContextAccessor.HttpContext?.RequestServices.GetRequiredService<IOrderChangeSink>()
            ?? throw new InvalidOperationException("1C's order changes are applied outside of an exchange request."))
        .ApplyAsync(command, cancellationToken);
}
