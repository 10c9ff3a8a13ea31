using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>
/// The exchange state (sessions, checkpoints, request guards, failed logins) in the plugin's tables, so a store restart
/// loses nothing and every process of a web farm sees the same state.
/// </summary>
public class ExchangeStateStore : IExchangeStateStore
{
    #region Fields

    protected readonly IRepository<OneCExchangeSession> _sessionRepository;
    protected readonly IRepository<OneCFileCheckpoint> _checkpointRepository;
    protected readonly IRepository<OneCRequestGuard> _guardRepository;
    protected readonly IRepository<OneCLoginFailure> _loginFailureRepository;
    protected readonly SetBasedUpdater _updater;

    // The row a request found its session by (the store is request-scoped): saving it later needs no second read.
    protected OneCExchangeSession? _found;

    #endregion

    #region Ctor

    public ExchangeStateStore(IRepository<OneCExchangeSession> sessionRepository, IRepository<OneCFileCheckpoint> checkpointRepository,
        IRepository<OneCRequestGuard> guardRepository, IRepository<OneCLoginFailure> loginFailureRepository, SetBasedUpdater updater)
    {
        _sessionRepository = sessionRepository;
        _checkpointRepository = checkpointRepository;
        _guardRepository = guardRepository;
        _loginFailureRepository = loginFailureRepository;
        _updater = updater;
    }

    #endregion

    /// <summary>
    /// The columns a request saves: every one but the superseded mark, which only a newer checkauth sets (while this
    /// request runs, perhaps), so a request's save never clears it.
    /// </summary>
    protected static readonly IReadOnlyCollection<string> SavedColumns = typeof(OneCExchangeSession).GetProperties()
        .Select(p => p.Name)
        .Where(name => name is not (nameof(OneCExchangeSession.Id) or nameof(OneCExchangeSession.Superseded)))
        .ToHashSet();

    public virtual async Task<IReadOnlyList<string>> StartAsync(ExchangeSession session, CancellationToken cancellationToken)
    {
        var typeId = (int)session.Type;
        await _sessionRepository.InsertAsync(ToEntity(session, new OneCExchangeSession()), false);
        var earlier = _sessionRepository.Table
            .Where(s => s.TypeId == typeId && !s.Completed && !s.Superseded && s.SessionId != session.Id)
            .ToList();
        foreach (var entity in earlier)
            entity.Superseded = true;
        if (earlier.Count > 0)
            await _sessionRepository.UpdateAsync(earlier, false);
        return earlier.Select(s => s.SessionId).ToList();
    }

    /// <remarks>
    /// Every request after checkauth reads its session so: on PostgreSQL and MySQL by one plain statement, without the
    /// catalog state (the classifier carried between sessions: tens of kilobytes and more, which a picture upload never uses).
    /// </remarks>
    public virtual async Task<ExchangeSession?> FindByCookieAsync(string cookieToken, CancellationToken cancellationToken)
    {
        var rows = await _updater.TryQueryWhereKeyAsync<OneCExchangeSession>(nameof(OneCExchangeSession.CookieToken), cookieToken,
            [nameof(OneCExchangeSession.CatalogState)]);
        if (rows is null)
            return ToSession(_found = _sessionRepository.Table.FirstOrDefault(s => s.CookieToken == cookieToken));
        var session = ToSession(_found = rows.FirstOrDefault());
        session?.OmitCatalogState();
        return session;
    }

    public virtual Task<string?> GetCatalogStateAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult(_sessionRepository.Table.Where(s => s.SessionId == sessionId).Select(s => s.CatalogState).FirstOrDefault());

    public virtual Task<ExchangeSession?> FindLatestAsync(DateTimeOffset seenSince, CancellationToken cancellationToken)
    {
        var sinceUtc = seenSince.UtcDateTime;
        return Task.FromResult(ToSession(_found = _sessionRepository.Table
            .Where(s => !s.Superseded && s.LastSeenOnUtc >= sinceUtc)
            .OrderByDescending(s => s.CreatedOnUtc)
            .ThenByDescending(s => s.Id)
            .FirstOrDefault()));
    }

    public virtual Task<IReadOnlyList<ExchangeSession>> FindPendingCompletionAsync(string exceptSessionId, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExchangeSession> pending = _sessionRepository.Table
            .Where(s => s.SessionId != exceptSessionId && s.FullExchange && !s.HadFailure && !s.Completed)
            .ToList()
            .Select(s => ToSession(s)!)
            .ToList();
        return Task.FromResult(pending);
    }

    public virtual async Task UpdateAsync(ExchangeSession session, CancellationToken cancellationToken)
    {
        var entity = (_found?.SessionId == session.Id ? _found : null)
            ?? _sessionRepository.Table.FirstOrDefault(s => s.SessionId == session.Id)
            ?? throw new InvalidOperationException($"Exchange session {session.Id} is not stored.");
        // Only the columns the request changed: a picture upload moves the last-seen time and the staged bytes, and
        // leaves the session's catalog state (the classifier carried between sessions) as it is.
        var before = EntityValues.Copy(entity);
        ToEntity(session, entity);
        var changed = EntityValues.ChangedProperties(before, entity).Where(SavedColumns.Contains).ToList();
        if (changed.Count > 0)
            await _updater.UpdateAsync(_sessionRepository, [entity], changed, false);
        // Through the repository (SQL Server) the update writes every column, the mark too: a newer session of the type
        // means a checkauth superseded this one meanwhile (it inserts its own row before it marks the earlier ones).
        if (_updater.Dialect == SqlDialect.Repository && !entity.Superseded && HasNewerOfType(entity))
        {
            entity.Superseded = true;
            await _sessionRepository.UpdateAsync(entity, false);
        }
    }

    protected virtual bool HasNewerOfType(OneCExchangeSession entity) =>
        _sessionRepository.Table.Any(s => s.TypeId == entity.TypeId && s.Id > entity.Id);

    public virtual Task<FileCheckpoint?> GetCheckpointAsync(string sessionId, string relativePath, CancellationToken cancellationToken)
    {
        var entity = _checkpointRepository.Table.FirstOrDefault(c => c.SessionId == sessionId && c.RelativePath == relativePath);
        return Task.FromResult(entity is null
            ? null
            : new FileCheckpoint(entity.SessionId, entity.RelativePath, entity.ItemsCompleted, (FileImportStatus)entity.StatusId,
                entity.IsFullPackage, entity.Message, new DateTimeOffset(DateTime.SpecifyKind(entity.UpdatedOnUtc, DateTimeKind.Utc))));
    }

    public virtual async Task SaveCheckpointAsync(FileCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var entity = _checkpointRepository.Table.FirstOrDefault(c => c.SessionId == checkpoint.SessionId && c.RelativePath == checkpoint.RelativePath);
        var isNew = entity is null;
        entity ??= new OneCFileCheckpoint { SessionId = checkpoint.SessionId, RelativePath = checkpoint.RelativePath };
        entity.ItemsCompleted = checkpoint.ItemsCompleted;
        entity.StatusId = (int)checkpoint.Status;
        entity.IsFullPackage = checkpoint.IsFullPackage;
        entity.Message = checkpoint.Message;
        entity.UpdatedOnUtc = checkpoint.UpdatedAt.UtcDateTime;
        if (isNew)
            await _checkpointRepository.InsertAsync(entity, false);
        else
            await _checkpointRepository.UpdateAsync(entity, false);
    }

    public virtual async Task DeleteCheckpointsAsync(string sessionId, CancellationToken cancellationToken) =>
        await _checkpointRepository.DeleteAsync(c => c.SessionId == sessionId);

    public virtual async Task DeleteSessionsSeenBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var utc = before.UtcDateTime;
        var old = _sessionRepository.Table.Where(s => s.LastSeenOnUtc < utc).Select(s => s.SessionId).ToList();
        foreach (var sessionId in old)
            await _checkpointRepository.DeleteAsync(c => c.SessionId == sessionId);
        await _sessionRepository.DeleteAsync(s => s.LastSeenOnUtc < utc);
        await _loginFailureRepository.DeleteAsync(f => f.LastFailureOnUtc < utc);
    }

    /// <remarks>
    /// The unique index on the type makes the insert the atomic step: of two processes racing for a free guard one
    /// insert fails. An expired lease (its process died or stalled) is deleted first.
    /// </remarks>
    public virtual async Task<DateTimeOffset?> TryEnterGuardAsync(ExchangeType type, string holder, DateTimeOffset now, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        var typeId = (int)type;
        var nowUtc = now.UtcDateTime;
        await _guardRepository.DeleteAsync(g => g.TypeId == typeId && g.ExpiresOnUtc <= nowUtc);
        try
        {
            await _guardRepository.InsertAsync(new OneCRequestGuard { TypeId = typeId, HolderId = holder, ExpiresOnUtc = until.UtcDateTime }, false);
        }
        catch (Exception) when (HeldByOther(typeId, holder) is not null)
        {
            // The unique index refused a second holder.
        }
        if (HeldByOther(typeId, holder) is { } other)
        {
            await _guardRepository.DeleteAsync(g => g.TypeId == typeId && g.HolderId == holder);
            return Utc(other.ExpiresOnUtc);
        }
        return null;
    }

    /// <summary>The first holder of the type's guard when it is not <paramref name="holder"/>.</summary>
    protected virtual OneCRequestGuard? HeldByOther(int typeId, string holder) =>
        _guardRepository.Table.Where(g => g.TypeId == typeId).OrderBy(g => g.Id).FirstOrDefault() is { } first && first.HolderId != holder
            ? first
            : null;

    public virtual async Task RenewGuardAsync(ExchangeType type, string holder, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var typeId = (int)type;
        if (_guardRepository.Table.FirstOrDefault(g => g.TypeId == typeId && g.HolderId == holder) is { } guard)
        {
            guard.ExpiresOnUtc = until.UtcDateTime;
            await _guardRepository.UpdateAsync(guard, false);
        }
    }

    public virtual async Task ExitGuardAsync(ExchangeType type, string holder, CancellationToken cancellationToken)
    {
        var typeId = (int)type;
        await _guardRepository.DeleteAsync(g => g.TypeId == typeId && g.HolderId == holder);
    }

    public virtual Task<LoginFailures?> GetLoginFailuresAsync(string address, CancellationToken cancellationToken)
    {
        var key = AddressKey(address);
        var entity = _loginFailureRepository.Table.FirstOrDefault(f => f.Address == key);
        return Task.FromResult(entity is null
            ? null
            : new LoginFailures(address, entity.FailureCount, Utc(entity.LastFailureOnUtc),
                entity.LockedUntilOnUtc is { } until ? Utc(until) : null));
    }

    public virtual async Task SaveLoginFailuresAsync(LoginFailures failures, CancellationToken cancellationToken)
    {
        var key = AddressKey(failures.Address);
        var entity = _loginFailureRepository.Table.FirstOrDefault(f => f.Address == key);
        var isNew = entity is null;
        entity ??= new OneCLoginFailure { Address = key };
        entity.FailureCount = failures.Count;
        entity.LastFailureOnUtc = failures.LastFailureAt.UtcDateTime;
        entity.LockedUntilOnUtc = failures.LockedUntil?.UtcDateTime;
        if (isNew)
            await _loginFailureRepository.InsertAsync(entity, false);
        else
            await _loginFailureRepository.UpdateAsync(entity, false);
    }

    public virtual async Task DeleteLoginFailuresAsync(string address, CancellationToken cancellationToken)
    {
        var key = AddressKey(address);
        await _loginFailureRepository.DeleteAsync(f => f.Address == key);
    }

    private static string AddressKey(string address) =>
        address.Length <= OneCLoginFailure.AddressMaxLength ? address : address[..OneCLoginFailure.AddressMaxLength];

    protected static OneCExchangeSession ToEntity(ExchangeSession session, OneCExchangeSession entity)
    {
        entity.SessionId = session.Id;
        entity.TypeId = (int)session.Type;
        entity.CookieToken = session.CookieToken;
        entity.SessId = session.SessId;
        entity.CreatedOnUtc = session.CreatedAt.UtcDateTime;
        entity.LastSeenOnUtc = session.LastSeenAt.UtcDateTime;
        entity.SchemaVersion = session.SchemaVersion;
        entity.StagingFolder = session.StagingFolder;
        entity.LockExpiresOnUtc = session.LastSeenAt.UtcDateTime;
        entity.LastStepInstance = session.LastStepInstance;
        entity.FullExchange = session.FullExchange;
        entity.HadFailure = session.HadFailure;
        entity.Completed = session.Completed;
        entity.StagedBytes = session.StagedBytes;
        entity.RemoteAddress = session.RemoteAddress;
        if (!session.CatalogStateOmitted)
            entity.CatalogState = session.CatalogState;
        return entity;
    }

    protected static ExchangeSession? ToSession(OneCExchangeSession? entity) => entity is null ? null : new ExchangeSession
    {
        Id = entity.SessionId,
        Type = (ExchangeType)entity.TypeId,
        CookieToken = entity.CookieToken,
        SessId = entity.SessId,
        CreatedAt = Utc(entity.CreatedOnUtc),
        LastSeenAt = Utc(entity.LastSeenOnUtc),
        SchemaVersion = entity.SchemaVersion,
        StagingFolder = entity.StagingFolder,
        Superseded = entity.Superseded,
        LastStepInstance = entity.LastStepInstance,
        FullExchange = entity.FullExchange,
        HadFailure = entity.HadFailure,
        Completed = entity.Completed,
        StagedBytes = entity.StagedBytes,
        RemoteAddress = entity.RemoteAddress,
        CatalogState = entity.CatalogState,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
