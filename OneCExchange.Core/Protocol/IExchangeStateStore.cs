using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Protocol;

/// <summary>Durable exchange state: sessions, the lock of each exchange type, per-file checkpoints.</summary>
public interface IExchangeStateStore
{
    /// <summary>
    /// Stores a new session unless another session of the same type, not completed, holds a lock that has not
    /// expired at <paramref name="now"/>. Must be atomic against concurrent calls. False when locked.
    /// </summary>
    Task<bool> TryStartAsync(ExchangeSession session, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ExchangeSession?> FindByCookieAsync(string cookieToken, CancellationToken cancellationToken);

    /// <summary>The newest session of the type whose lock has not expired at <paramref name="now"/>, or null.</summary>
    Task<ExchangeSession?> FindActiveAsync(ExchangeType type, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sessions of the type, other than <paramref name="exceptSessionId"/>, that are full exchanges without failure and not completed yet.</summary>
    Task<IReadOnlyList<ExchangeSession>> FindPendingCompletionAsync(ExchangeType type, string exceptSessionId, CancellationToken cancellationToken);

    Task UpdateAsync(ExchangeSession session, CancellationToken cancellationToken);

    Task<FileCheckpoint?> GetCheckpointAsync(string sessionId, string relativePath, CancellationToken cancellationToken);

    Task SaveCheckpointAsync(FileCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Forgets the session's checkpoints (init starts the staging folder afresh).</summary>
    Task DeleteCheckpointsAsync(string sessionId, CancellationToken cancellationToken);
}
