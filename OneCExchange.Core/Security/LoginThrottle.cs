using System.Collections.Concurrent;

namespace OneCExchange.Core.Security;

/// <summary>
/// Locks an address out after repeated failed logins. Kept in process memory: a restart forgets lock-outs,
/// which only gives an attacker a fresh (still small) allowance.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);

    private const int MaxTrackedAddresses = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>When the address is locked out, the time the lock-out ends; otherwise null.</summary>
    public DateTimeOffset? LockedUntil(string address)
    {
        if (_entries.TryGetValue(address, out var entry) && entry.LockedUntil > time.GetUtcNow())
            return entry.LockedUntil;
        return null;
    }

    /// <summary>
    /// Counts a failed login; returns true when the address is now locked out. Failures older than
    /// <paramref name="lockout"/> are forgotten, so occasional typos never add up to a lock-out.
    /// </summary>
    public bool RecordFailure(string address, int maxAttempts, TimeSpan lockout)
    {
        if (_entries.Count >= MaxTrackedAddresses)
            Prune(lockout);
        var now = time.GetUtcNow();
        var updated = _entries.AddOrUpdate(address, _ => Next(null), (_, old) => Next(old));
        return updated.LockedUntil > now;

        Entry Next(Entry? old)
        {
            var failures = old is null || old.LastFailure + lockout <= now ? 1 : old.Failures + 1;
            return new Entry(failures, now, failures >= Math.Max(1, maxAttempts) ? now + lockout : DateTimeOffset.MinValue);
        }
    }

    public void RecordSuccess(string address) => _entries.TryRemove(address, out _);

    private void Prune(TimeSpan lockout)
    {
        var now = time.GetUtcNow();
        foreach (var (address, entry) in _entries)
            if (entry.LockedUntil <= now && entry.LastFailure + lockout <= now)
                _entries.TryRemove(address, out _);
    }
}
