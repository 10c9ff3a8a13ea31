using System.Net;
using System.Security.Cryptography;
using System.Text;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Security;
using OneCExchange.Core.Staging;

namespace OneCExchange.Core.Protocol;

/// <summary>Who may talk to the exchange: the IP allow-list, checkauth with lock-out, and the session of later requests.</summary>
internal sealed class SessionGate(ExchangeOptions options, IExchangeStateStore state, ExchangeRuntime runtime, StagingArea staging)
{
    public const string AuthFailed = "Ошибка авторизации. Неверное имя пользователя или пароль.";

    private readonly LoginThrottle _throttle = new(state, runtime.Time);

    private DateTimeOffset Now => runtime.Time.GetUtcNow();

    /// <summary>The reason to refuse the address, or null when it may call.</summary>
    public string? RefuseAddress(IPAddress? address)
    {
        if (!IpAllowList.TryParse(options.AllowedIpAddresses, out var list, out var invalid))
            return $"Список разрешённых IP-адресов в настройках обмена задан неверно: «{invalid}».";
        return list.Allows(address) ? null : $"Адрес {address?.ToString() ?? "(неизвестен)"} не входит в список разрешённых для обмена.";
    }

    /// <returns>The answer, the new session, and the ids of the sessions it superseded.</returns>
    public async Task<(Answer Answer, ExchangeSession? Session, IReadOnlyList<string> Superseded)> CheckAuthAsync(ExchangeRequest request,
        ExchangeType type, CancellationToken ct)
    {
        var credentials = BasicCredentials.Parse(request.Authorization);
        if (credentials is null)
            return (Answer.Failure("Требуется авторизация HTTP Basic (логин и пароль обмена)."), null, []);
        if (await CheckCredentialsAsync(credentials, request.RemoteAddress, ct) is { } refused)
            return (refused, null, []);

        // As 1C-Bitrix does: every checkauth opens a new session; an earlier one of the type is superseded.
        var now = Now;
        var id = Guid.NewGuid().ToString("N");
        var session = new ExchangeSession
        {
            Id = id,
            Type = type,
            CookieToken = RandomNumberGenerator.GetHexString(40, lowercase: true),
            SessId = RandomNumberGenerator.GetHexString(32, lowercase: true),
            CreatedAt = now,
            LastSeenAt = now,
            StagingFolder = staging.FolderFor(id),
            RemoteAddress = request.RemoteAddress?.ToString(),
        };
        // The classifier 1C sent in an earlier session goes on: each file of a package may come after its own checkauth.
        session.CatalogState = CatalogSessionSnapshot.CarryOver((await state.FindLatestAsync(DateTimeOffset.MinValue, ct))?.CatalogState);
        var superseded = await state.StartAsync(session, ct);
        staging.DeleteFoldersUntouchedSince(now - options.StagingRetention, session.StagingFolder);

        var lines = new List<string> { options.CookieName, session.CookieToken, "sessid=" + session.SessId };
        if (type == ExchangeType.Catalog)
            lines.Add("timestamp=" + now.ToUnixTimeSeconds());
        return (Answer.Success([.. lines]) with { Cookies = [new ExchangeCookie(options.CookieName, session.CookieToken)] }, session, superseded);
    }

    /// <summary>
    /// The session of a request after checkauth: by its cookie, or by Basic credentials (the newest session); then
    /// sessid is checked. A session may make requests of either type.
    /// </summary>
    public async Task<(ExchangeSession? Session, Answer? Refusal)> AuthenticateAsync(ExchangeRequest request, CancellationToken ct)
    {
        var token = CookieValue(request.Cookie, options.CookieName);
        var session = token is null ? null : await state.FindByCookieAsync(token, ct);
        if (session is null)
        {
            var credentials = BasicCredentials.Parse(request.Authorization);
            if (credentials is null)
                return (null, Answer.Failure(token is null
                    ? "Не передан cookie сеанса обмена; начните обмен с checkauth."
                    : "Сеанс обмена не найден или истёк; начните обмен с checkauth."));
            if (await CheckCredentialsAsync(credentials, request.RemoteAddress, ct) is { } refused)
                return (null, refused);
            session = await state.FindLatestAsync(Now - options.SessionIdleTimeout, ct);
            if (session is null)
                return (null, Answer.Failure("Нет активного сеанса обмена; начните обмен с checkauth."));
        }
        if (session.Superseded)
            return (null, Answer.Failure(ExchangeMessage.Of(MessageKeys.SessionSuperseded).ToString()));
        session.StagingFolder = staging.FolderFor(session.Id);
        var sessid = request["sessid"] ?? request.CsrfToken;
        if (sessid is not null && !FixedTimeEquals(sessid, session.SessId))
            return (null, Answer.Failure("Неверный sessid."));
        return (session, null);
    }

    /// <summary>Null when the credentials match; otherwise the failure (with the lock-out applied).</summary>
    internal async Task<Answer?> CheckCredentialsAsync(BasicCredentials credentials, IPAddress? address, CancellationToken ct)
    {
        var key = address?.ToString() ?? "unknown";
        if (await _throttle.LockedUntilAsync(key, ct) is { } until)
            return Answer.Failure(LockedOut(until));
        if (credentials.Matches(options.Login, options.PasswordHash))
        {
            await _throttle.RecordSuccessAsync(key, ct);
            return null;
        }
        var lockedUntil = await _throttle.RecordFailureAsync(key, options.MaxFailedLoginAttempts, options.LockoutDuration, ct);
        return Answer.Failure(lockedUntil is { } end ? AuthFailed + " " + LockedOut(end) : AuthFailed);
    }

    private string LockedOut(DateTimeOffset until) =>
        $"Слишком много неудачных попыток входа; вход с этого адреса заблокирован на {Math.Max(1, (int)Math.Ceiling((until - Now).TotalMinutes))} мин.";

    internal static string TypeName(ExchangeType type) => type switch
    {
        ExchangeType.Catalog => "catalog",
        ExchangeType.GetCatalog => "get_catalog",
        ExchangeType.Listen => "listen",
        _ => "sale",
    };

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a.Trim()), Encoding.UTF8.GetBytes(b));

    private static string? CookieValue(string? header, string name)
    {
        if (string.IsNullOrEmpty(header))
            return null;
        foreach (var part in header.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Trim() == name)
                return part[(eq + 1)..].Trim();
        }
        return null;
    }
}
