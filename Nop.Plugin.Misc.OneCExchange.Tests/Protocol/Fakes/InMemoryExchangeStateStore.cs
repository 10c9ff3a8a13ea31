using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;

namespace OneCExchange.Tests.Protocol.Fakes;

/// <summary>A state store that outlives the host's runtime, as the plugin's tables outlive a store restart.</summary>
public sealed class InMemoryExchangeStateStore : IExchangeStateStore
{
    private readonly object _sync = new();
    private readonly List<ExchangeSession> _sessions = [];
    private readonly Dictionary<(string, string), FileCheckpoint> _checkpoints = [];

    public IReadOnlyList<ExchangeSession> Sessions { get { lock (_sync) return [.. _sessions]; } }

    public IReadOnlyList<FileCheckpoint> Checkpoints { get { lock (_sync) return [.. _checkpoints.Values]; } }

    public Task<bool> TryStartAsync(ExchangeSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_sessions.Any(s => s.Type == session.Type && !s.Completed && s.LockExpiresAt > now))
                return Task.FromResult(false);
            _sessions.Add(session);
            return Task.FromResult(true);
        }
    }

    public Task<ExchangeSession?> FindByCookieAsync(string cookieToken, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult(_sessions.FirstOrDefault(s => s.CookieToken == cookieToken));
    }

    public Task<ExchangeSession?> FindActiveAsync(ExchangeType type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult(_sessions.Where(s => s.Type == type && !s.Completed && s.LockExpiresAt > now)
                .OrderByDescending(s => s.CreatedAt).FirstOrDefault());
    }

    public Task<IReadOnlyList<ExchangeSession>> FindPendingCompletionAsync(ExchangeType type, string exceptSessionId, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult<IReadOnlyList<ExchangeSession>>(_sessions
                .Where(s => s.Type == type && s.Id != exceptSessionId && s.FullExchange && !s.HadFailure && !s.Completed).ToList());
    }

    public Task UpdateAsync(ExchangeSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<FileCheckpoint?> GetCheckpointAsync(string sessionId, string relativePath, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult(_checkpoints.GetValueOrDefault((sessionId, relativePath)));
    }

    public Task SaveCheckpointAsync(FileCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        lock (_sync)
            _checkpoints[(checkpoint.SessionId, checkpoint.RelativePath)] = checkpoint;
        return Task.CompletedTask;
    }

    public Task DeleteCheckpointsAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_sync)
            foreach (var key in _checkpoints.Keys.Where(k => k.Item1 == sessionId).ToList())
                _checkpoints.Remove(key);
        return Task.CompletedTask;
    }
}
