using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Security;

/// <summary>
/// Locks an address out after repeated failed logins. The counters live in the exchange state store, so a lock-out
/// survives a restart and holds on every process of a web farm.
/// </summary>
public sealed class LoginThrottle(IExchangeStateStore state, TimeProvider time)
{
    /// <summary>When the address is locked out, the time the lock-out ends; otherwise null.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string address, CancellationToken ct) =>
        await state.GetLoginFailuresAsync(address, ct) is { LockedUntil: { } until } && until > time.GetUtcNow() ? until : null;

    /// <summary>
    /// Counts a failed login; returns the end of the lock-out when the address is now locked out. Failures older than
    /// <paramref name="lockout"/> are forgotten, so occasional typos never add up to a lock-out.
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string address, int maxAttempts, TimeSpan lockout, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var old = await state.GetLoginFailuresAsync(address, ct);
        var count = old is null || old.LastFailureAt + lockout <= now ? 1 : old.Count + 1;
        DateTimeOffset? lockedUntil = count >= Math.Max(1, maxAttempts) ? now + lockout : null;
        await state.SaveLoginFailuresAsync(new LoginFailures(address, count, now, lockedUntil), ct);
        return lockedUntil;
    }

    public async Task RecordSuccessAsync(string address, CancellationToken ct)
    {
        if (await state.GetLoginFailuresAsync(address, ct) is not null)
            await state.DeleteLoginFailuresAsync(address, ct);
    }
}
