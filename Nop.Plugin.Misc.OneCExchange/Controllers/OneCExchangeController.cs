using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.OneCExchange.Controllers;

/// <summary>
/// The endpoint 1C calls (/1c-exchange and /bitrix/admin/1c_exchange.php). A plain controller: nopCommerce's base
/// controller filters would resolve a customer for every cookie-less request and create a guest each time.
/// All protocol logic is in OneCExchange.Core; this only translates HTTP.
/// </summary>
[IgnoreAntiforgeryToken]
public class OneCExchangeController : Controller
{
    #region Fields

    protected readonly IExchangeEndpointFactory _endpointFactory;
    protected readonly ICustomerService _customerService;
    protected readonly IWorkContext _workContext;
    protected readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public OneCExchangeController(IExchangeEndpointFactory endpointFactory, ICustomerService customerService, IWorkContext workContext,
        IStaticCacheManager staticCacheManager)
    {
        _endpointFactory = endpointFactory;
        _customerService = customerService;
        _workContext = workContext;
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    [HttpGet, HttpPost]
    public virtual async Task<IActionResult> Exchange()
    {
        // Any later code that asks for the current customer gets the background-task user, never a new guest.
        // The system account is cached: reading it was the dearest part of a cheap request (a picture upload).
        await _workContext.SetCurrentCustomerAsync(await _staticCacheManager.GetAsync(
            _staticCacheManager.PrepareKeyForDefaultCache(OneCExchangeDefaults.BackgroundTaskUserCacheKey),
            _customerService.GetOrCreateBackgroundTaskUserAsync));

        // Bodies may be as large as file_limit (raised or lowered from the host's default), no larger.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = _endpointFactory.MaxRequestBodySize;

        var response = await _endpointFactory.Create().HandleAsync(HttpExchangeAdapter.ToExchangeRequest(Request), HttpContext.RequestAborted);
        await HttpExchangeAdapter.WriteAsync(response, Response, HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
