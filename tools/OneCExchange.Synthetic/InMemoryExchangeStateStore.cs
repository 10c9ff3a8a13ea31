using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;

namespace OneCExchange.Synthetic;

/// <summary>
/// Exchange state in process memory, for hosts without a database: the loopback test hosts (several may share one, as
/// the processes of a web farm share a database) and the protocol benchmark. A store needs a durable one (the plugin
/// keeps it in its tables). Sessions are stored as copies, as a database would, so no host sees another's objects.
/// </summary>
public sealed class InMemoryExchangeStateStore : IExchangeStateStore
{
    private readonly object _sync = new();
    private readonly List<ExchangeSession> _sessions = [];
    private readonly Dictionary<(string, string), FileCheckpoint> _checkpoints = [];
    private readonly Dictionary<ExchangeType, (string Holder, DateTimeOffset Until)> _guards = [];
    private readonly Dictionary<string, LoginFailures> _loginFailures = [];

    public IReadOnlyList<ExchangeSession> Sessions { get { lock (_sync) return _sessions.Select(Copy).ToList(); } }

    public IReadOnlyList<FileCheckpoint> Checkpoints { get { lock (_sync) return [.. _checkpoints.Values]; } }

    public Task<IReadOnlyList<string>> StartAsync(ExchangeSession session, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var earlier = _sessions.Where(s => s.Type == session.Type && !s.Completed && !s.Superseded).ToList();
            foreach (var superseded in earlier)
                superseded.Superseded = true;
            _sessions.Add(Copy(session));
            return Task.FromResult<IReadOnlyList<string>>(earlier.Select(s => s.Id).ToList());
        }
    }

    /// <summary>Without its catalog state, as the plugin's store reads it on PostgreSQL and MySQL.</summary>
    public Task<ExchangeSession?> FindByCookieAsync(string cookieToken, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var session = CopyOrNull(_sessions.FirstOrDefault(s => s.CookieToken == cookieToken));
            session?.OmitCatalogState();
            return Task.FromResult(session);
        }
    }

    public Task<string?> GetCatalogStateAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult(_sessions.FirstOrDefault(s => s.Id == sessionId)?.CatalogState);
    }

    public Task<ExchangeSession?> FindLatestAsync(DateTimeOffset seenSince, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult(CopyOrNull(_sessions.LastOrDefault(s => !s.Superseded && s.LastSeenAt >= seenSince)));
    }

    public Task<IReadOnlyList<ExchangeSession>> FindPendingCompletionAsync(string exceptSessionId, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult<IReadOnlyList<ExchangeSession>>(_sessions
                .Where(s => s.Id != exceptSessionId && s.FullExchange && !s.HadFailure && !s.Completed).Select(Copy).ToList());
    }

    public Task UpdateAsync(ExchangeSession session, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var index = _sessions.FindIndex(s => s.Id == session.Id);
            if (index < 0)
                throw new InvalidOperationException($"Exchange session {session.Id} is not stored.");
            var updated = Copy(session);
            updated.Superseded = _sessions[index].Superseded;
            if (session.CatalogStateOmitted)
                updated.CatalogState = _sessions[index].CatalogState;
            _sessions[index] = updated;
        }
        return Task.CompletedTask;
    }

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

    public Task DeleteSessionsSeenBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var old = _sessions.Where(s => s.LastSeenAt < before).Select(s => s.Id).ToHashSet();
            _sessions.RemoveAll(s => old.Contains(s.Id));
            foreach (var key in _checkpoints.Keys.Where(k => old.Contains(k.Item1)).ToList())
                _checkpoints.Remove(key);
            foreach (var address in _loginFailures.Values.Where(f => f.LastFailureAt < before).Select(f => f.Address).ToList())
                _loginFailures.Remove(address);
        }
        return Task.CompletedTask;
    }

    public Task DeleteCheckpointsAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_sync)
            foreach (var key in _checkpoints.Keys.Where(k => k.Item1 == sessionId).ToList())
                _checkpoints.Remove(key);
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> TryEnterGuardAsync(ExchangeType type, string holder, DateTimeOffset now, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_guards.TryGetValue(type, out var held) && held.Holder != holder && held.Until > now)
                return Task.FromResult<DateTimeOffset?>(held.Until);
            _guards[type] = (holder, until);
            return Task.FromResult<DateTimeOffset?>(null);
        }
    }

    public Task RenewGuardAsync(ExchangeType type, string holder, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_sync)
            if (_guards.TryGetValue(type, out var held) && held.Holder == holder)
                _guards[type] = (holder, until);
        return Task.CompletedTask;
    }

    public Task ExitGuardAsync(ExchangeType type, string holder, CancellationToken cancellationToken)
    {
        lock (_sync)
            if (_guards.TryGetValue(type, out var held) && held.Holder == holder)
                _guards.Remove(type);
        return Task.CompletedTask;
    }

    /// <summary>Whether a request of the type holds the guard now (for tests).</summary>
    public bool IsGuarded(ExchangeType type)
    {
        lock (_sync)
            return _guards.ContainsKey(type);
    }

    public Task<LoginFailures?> GetLoginFailuresAsync(string address, CancellationToken cancellationToken)
    {
        lock (_sync)
            return Task.FromResult(_loginFailures.GetValueOrDefault(address));
    }

    public Task SaveLoginFailuresAsync(LoginFailures failures, CancellationToken cancellationToken)
    {
        lock (_sync)
            _loginFailures[failures.Address] = failures;
        return Task.CompletedTask;
    }

    public Task DeleteLoginFailuresAsync(string address, CancellationToken cancellationToken)
    {
        lock (_sync)
            _loginFailures.Remove(address);
        return Task.CompletedTask;
    }

    private static ExchangeSession? CopyOrNull(ExchangeSession? session) => session is null ? null : Copy(session);

    private static ExchangeSession Copy(ExchangeSession s) => new()
    {
        Id = s.Id, Type = s.Type, CookieToken = s.CookieToken, SessId = s.SessId, CreatedAt = s.CreatedAt, LastSeenAt = s.LastSeenAt,
        SchemaVersion = s.SchemaVersion, StagingFolder = s.StagingFolder, Superseded = s.Superseded, LastStepInstance = s.LastStepInstance,
        FullExchange = s.FullExchange, HadFailure = s.HadFailure, Completed = s.Completed, StagedBytes = s.StagedBytes,
        RemoteAddress = s.RemoteAddress, CatalogState = s.CatalogState,
    };
}
