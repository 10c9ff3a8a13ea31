using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;

namespace OneCExchange.Core.Ports;

/// <summary>
/// Durable exchange state: sessions, per-file checkpoints, the request guard of each exchange type and failed-login
/// counters. Everything a request needs from earlier requests comes from here, so that any process of a web farm
/// (or a restarted one) can answer any request.
/// </summary>
public interface IExchangeStateStore
{
    /// <summary>
    /// Stores a new session and marks every earlier session of its type that is neither completed nor superseded
    /// as superseded; returns the ids of those.
    /// </summary>
    Task<IReadOnlyList<string>> StartAsync(ExchangeSession session, CancellationToken cancellationToken);

    /// <summary>
    /// The session of the cookie, or null. A store may leave out its catalog state (<see cref="ExchangeSession.OmitCatalogState"/>):
    /// a picture upload, one of thousands, never uses it.
    /// </summary>
    Task<ExchangeSession?> FindByCookieAsync(string cookieToken, CancellationToken cancellationToken);

    /// <summary>The stored catalog state of a session (see <see cref="ExchangeSession.CatalogState"/>).</summary>
    Task<string?> GetCatalogStateAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The newest session that is not superseded and was last seen at or after <paramref name="seenSince"/>, or null.</summary>
    Task<ExchangeSession?> FindLatestAsync(DateTimeOffset seenSince, CancellationToken cancellationToken);

    /// <summary>Sessions, other than <paramref name="exceptSessionId"/>, that are full exchanges without failure and not completed yet.</summary>
    Task<IReadOnlyList<ExchangeSession>> FindPendingCompletionAsync(string exceptSessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the session's progress; never changes <see cref="ExchangeSession.Superseded"/> (only a later checkauth does),
    /// nor an omitted catalog state.
    /// </summary>
    Task UpdateAsync(ExchangeSession session, CancellationToken cancellationToken);

    Task<FileCheckpoint?> GetCheckpointAsync(string sessionId, string relativePath, CancellationToken cancellationToken);

    Task SaveCheckpointAsync(FileCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Deletes sessions last seen before <paramref name="before"/> (and their checkpoints) and older failed-login records.</summary>
    Task DeleteSessionsSeenBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Forgets the session's checkpoints (init starts the staging folder afresh).</summary>
    Task DeleteCheckpointsAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the guard of the type for <paramref name="holder"/> until <paramref name="until"/>, unless another holder's
    /// lease has not ended at <paramref name="now"/>. Atomic across processes. Null when taken, otherwise the end of
    /// the other holder's lease.
    /// </summary>
    Task<DateTimeOffset?> TryEnterGuardAsync(ExchangeType type, string holder, DateTimeOffset now, DateTimeOffset until,
        CancellationToken cancellationToken);

    /// <summary>Extends the holder's lease (a long request renews it while it runs).</summary>
    Task RenewGuardAsync(ExchangeType type, string holder, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Releases the guard if <paramref name="holder"/> still holds it.</summary>
    Task ExitGuardAsync(ExchangeType type, string holder, CancellationToken cancellationToken);

    Task<LoginFailures?> GetLoginFailuresAsync(string address, CancellationToken cancellationToken);

    Task SaveLoginFailuresAsync(LoginFailures failures, CancellationToken cancellationToken);

    Task DeleteLoginFailuresAsync(string address, CancellationToken cancellationToken);
}

/// <summary>Failed logins from one address, and the end of its lock-out if it is locked out.</summary>
public sealed record LoginFailures(string Address, int Count, DateTimeOffset LastFailureAt, DateTimeOffset? LockedUntil);
