using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OneCExchange.Controllers;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure;

/// <summary>
/// Serves the addresses 1C calls (/1c-exchange and /bitrix/admin/1c_exchange.php) ahead of nopCommerce's static files,
/// session, request culture, routing, authentication and MVC, as nopCommerce's own KeepAliveMiddleware serves its path:
/// 1C authenticates by the exchange's own login, so nothing of the storefront's per-request work (slug lookup, customer,
/// filters) is wanted, and a picture upload is one of 20,000 requests in a row. All protocol logic is in
/// OneCExchange.Core; this only translates HTTP.
/// </summary>
public class ExchangeMiddleware
{
    #region Fields

    protected readonly RequestDelegate _next;

    // The culture nopCommerce's request localization would give the request, found once per process as nopCommerce finds it.
    protected CultureInfo? _culture;

    #endregion

    #region Ctor

    public ExchangeMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    #endregion

    #region Methods

    public virtual async Task InvokeAsync(HttpContext context)
    {
        if (!IsExchangeRequest(context.Request))
        {
            await _next(context);
            return;
        }

        var culture = _culture ??= await GetRequestCultureAsync(context.RequestServices);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        context.Response.Headers.ContentLanguage = culture.Name;

        var endpointFactory = context.RequestServices.GetRequiredService<IExchangeEndpointFactory>();

        // Bodies may be as large as file_limit (raised or lowered from the host's default), no larger.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = endpointFactory.MaxRequestBodySize;

        var response = await endpointFactory.Create().HandleAsync(HttpExchangeAdapter.ToExchangeRequest(context.Request), context.RequestAborted);
        await HttpExchangeAdapter.WriteAsync(response, context.Response, context.RequestAborted);
    }

    /// <summary>A GET or POST to one of the exchange addresses (any letter case, an ending slash allowed).</summary>
    protected virtual bool IsExchangeRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method))
        && (IsPath(request.Path, OneCExchangeDefaults.ExchangePath) || IsPath(request.Path, OneCExchangeDefaults.BitrixExchangePath));

    /// <summary>
    /// The culture of a request that names none in nopCommerce's request localization (the exchange runs ahead of it):
    /// the store's first published language by display order, or en-US when there is none.
    /// </summary>
    protected virtual async Task<CultureInfo> GetRequestCultureAsync(IServiceProvider services)
    {
        var languages = await services.GetRequiredService<ILanguageService>().GetAllLanguagesAsync();
        return languages.OrderBy(language => language.DisplayOrder).Select(language => new CultureInfo(language.LanguageCulture)).FirstOrDefault()
            ?? new CultureInfo(DefaultCulture);
    }

    #endregion

    #region Utilities

    private const string DefaultCulture = "en-US";

    private static bool IsPath(PathString path, string exchangePath)
    {
        var value = path.Value.AsSpan().TrimStart('/');
        if (value.EndsWith("/"))
            value = value[..^1];
        return value.Equals(exchangePath, StringComparison.OrdinalIgnoreCase);
    }

    #endregion
}
