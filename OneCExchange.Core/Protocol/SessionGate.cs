using System.Net;
using System.Security.Cryptography;
using System.Text;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Security;
using OneCExchange.Core.Staging;

namespace OneCExchange.Core.Protocol;

/// <summary>Who may talk to the exchange: the IP allow-list, checkauth with lock-out, and the session of later requests.</summary>
internal sealed class SessionGate(ExchangeOptions options, IExchangeStateStore state, ExchangeRuntime runtime, StagingArea staging)
{
    public const string AuthFailed = "Ошибка авторизации. Неверное имя пользователя или пароль.";

    private DateTimeOffset Now => runtime.Time.GetUtcNow();

    /// <summary>The reason to refuse the address, or null when it may call.</summary>
    public string? RefuseAddress(IPAddress? address)
    {
        if (!IpAllowList.TryParse(options.AllowedIpAddresses, out var list, out var invalid))
            return $"Список разрешённых IP-адресов в настройках обмена задан неверно: «{invalid}».";
        return list.Allows(address) ? null : $"Адрес {address?.ToString() ?? "(неизвестен)"} не входит в список разрешённых для обмена.";
    }

    public async Task<(Answer Answer, ExchangeSession? Session)> CheckAuthAsync(ExchangeRequest request, ExchangeType type, CancellationToken ct)
    {
        var credentials = BasicCredentials.Parse(request.Authorization);
        if (credentials is null)
            return (Answer.Failure("Требуется авторизация HTTP Basic (логин и пароль обмена)."), null);
        if (CheckCredentials(credentials, request.RemoteAddress) is { } refused)
            return (refused, null);

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
            LockExpiresAt = now + options.SessionLockTimeout,
            RemoteAddress = request.RemoteAddress?.ToString(),
        };
        if (!await state.TryStartAsync(session, now, ct))
            return (Answer.Failure($"Уже идёт другой обмен (type={TypeName(type)}); повторите позже."), null);
        runtime.LiveImports.CloseOthers(type, id);
        staging.Reset(session.StagingFolder);
        staging.DeleteFoldersUntouchedSince(now - options.StagingRetention, session.StagingFolder);

        var lines = new List<string> { options.CookieName, session.CookieToken, "sessid=" + session.SessId };
        if (type == ExchangeType.Catalog)
            lines.Add("timestamp=" + now.ToUnixTimeSeconds());
        return (Answer.Success([.. lines]) with { Cookies = [new ExchangeCookie(options.CookieName, session.CookieToken)] }, session);
    }

    /// <summary>The session of a request after checkauth: by its cookie, or by Basic credentials; then sessid is checked.</summary>
    public async Task<(ExchangeSession? Session, Answer? Refusal)> AuthenticateAsync(ExchangeRequest request, ExchangeType type, CancellationToken ct)
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
            if (CheckCredentials(credentials, request.RemoteAddress) is { } refused)
                return (null, refused);
            session = await state.FindActiveAsync(type, Now, ct);
            if (session is null)
                return (null, Answer.Failure("Нет активного сеанса обмена; начните обмен с checkauth."));
        }
        if (session.Type != type)
            return (null, Answer.Failure($"Сеанс обмена открыт для type={TypeName(session.Type)}, а не для type={TypeName(type)}."));
        if (session.LockExpiresAt <= Now && await state.FindActiveAsync(type, Now, ct) is { } active && active.Id != session.Id)
            return (null, Answer.Failure("Сеанс обмена истёк: уже идёт другой обмен; начните заново с checkauth."));
        var sessid = request["sessid"] ?? request.CsrfToken;
        if (sessid is not null && !FixedTimeEquals(sessid, session.SessId))
            return (null, Answer.Failure("Неверный sessid."));
        return (session, null);
    }

    /// <summary>Null when the credentials match; otherwise the failure (with the lock-out applied).</summary>
    internal Answer? CheckCredentials(BasicCredentials credentials, IPAddress? address)
    {
        var key = address?.ToString() ?? "unknown";
        if (runtime.LoginThrottle.LockedUntil(key) is { } until)
            return Answer.Failure(LockedOut(until));
        if (credentials.Matches(options.Login, options.PasswordHash))
        {
            runtime.LoginThrottle.RecordSuccess(key);
            return null;
        }
        var locked = runtime.LoginThrottle.RecordFailure(key, options.MaxFailedLoginAttempts, options.LockoutDuration);
        return Answer.Failure(locked && runtime.LoginThrottle.LockedUntil(key) is { } lockedUntil ? AuthFailed + " " + LockedOut(lockedUntil) : AuthFailed);
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
