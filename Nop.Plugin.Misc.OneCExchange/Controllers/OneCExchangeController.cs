using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Nop.Plugin.Misc.OneCExchange.Controllers;

/// <summary>
/// The endpoint 1C calls (/1c-exchange and /bitrix/admin/1c_exchange.php). A plain controller: nopCommerce's base
/// controller filters would resolve a customer for every cookie-less request and create a guest each time.
/// </summary>
[IgnoreAntiforgeryToken]
public class OneCExchangeController : Controller
{
    protected readonly OneCExchangeSettings _settings;

    public OneCExchangeController(OneCExchangeSettings settings)
    {
        _settings = settings;
    }

    [HttpGet, HttpPost]
    public virtual Task<IActionResult> Exchange()
    {
        var reason = !_settings.Enabled
            ? "Обмен с 1С выключен в настройках магазина"
            : string.IsNullOrEmpty(_settings.Login) || string.IsNullOrEmpty(_settings.PasswordHash)
                ? "Обмен не настроен: в настройках магазина не заданы логин и пароль обмена"
                : "Этот запрос обмена магазин пока не поддерживает";

        return Task.FromResult(Failure(reason));
    }

    /// <summary>The protocol's error answer: HTTP 200, text/plain, "failure" and the reason on the next line.</summary>
    protected virtual IActionResult Failure(string reason)
    {
        var encoding = Encoding.GetEncoding(_settings.ResponseEncoding is { Length: > 0 } name ? name : "utf-8");
        return Content("failure\n" + reason, "text/plain", encoding);
    }
}
