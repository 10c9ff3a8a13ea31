using Microsoft.AspNetCore.Http;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Controllers;

/// <summary>Translates between ASP.NET Core's HTTP request/response and Core's host-neutral exchange request/response.</summary>
public static class HttpExchangeAdapter
{
    public const string CsrfHeader = "X-Bitrix-Csrf-Token";

    public static ExchangeRequest ToExchangeRequest(HttpRequest request) => new()
    {
        Method = request.Method,
        Query = request.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "", StringComparer.OrdinalIgnoreCase),
        Authorization = NullIfEmpty(request.Headers.Authorization),
        Cookie = NullIfEmpty(request.Headers.Cookie),
        CsrfToken = NullIfEmpty(request.Headers[CsrfHeader]),
        RemoteAddress = request.HttpContext.Connection.RemoteIpAddress,
        Body = request.Body,
        ContentLength = request.ContentLength,
    };

    /// <summary>
    /// Writes the answer. Documents go out as application/octet-stream so that the store's HTML/XML minification
    /// (when enabled) never rewrites the orders XML. A document that fails while it is written (Core has logged why)
    /// drops the connection instead of ending the body, so 1C sees a broken transfer, not a short well-formed answer.
    /// </summary>
    public static async Task WriteAsync(ExchangeResponse response, HttpResponse http, CancellationToken cancellationToken)
    {
        http.StatusCode = response.StatusCode;
        http.ContentType = response.IsDocument ? "application/octet-stream" : response.ContentType;
        http.Headers.CacheControl = "no-store";
        http.ContentLength = response.ContentLength;
        foreach (var cookie in response.Cookies)
            http.Cookies.Append(cookie.Name, cookie.Value, new CookieOptions { HttpOnly = true, Path = "/", IsEssential = true });
        try
        {
            await response.WriteBodyAsync(http.Body, cancellationToken);
        }
        catch (Exception) when (response.IsDocument)
        {
            http.HttpContext.Abort();
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
