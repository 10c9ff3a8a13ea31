using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>The exchange state (sessions, locks, checkpoints) in the plugin's tables, so a store restart loses nothing.</summary>
public class ExchangeStateStore : IExchangeStateStore
{
    // One store process answers 1C; this makes "check no other exchange holds the lock, then start" atomic in it.
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    protected readonly IRepository<OneCExchangeSession> _sessionRepository;
    protected readonly IRepository<OneCFileCheckpoint> _checkpointRepository;

    public ExchangeStateStore(IRepository<OneCExchangeSession> sessionRepository, IRepository<OneCFileCheckpoint> checkpointRepository)
    {
        _sessionRepository = sessionRepository;
        _checkpointRepository = checkpointRepository;
    }

    public virtual async Task<bool> TryStartAsync(ExchangeSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await StartLock.WaitAsync(cancellationToken);
        try
        {
            var typeId = (int)session.Type;
            var nowUtc = now.UtcDateTime;
            if (_sessionRepository.Table.Any(s => s.TypeId == typeId && !s.Completed && s.LockExpiresOnUtc > nowUtc))
                return false;
            await _sessionRepository.InsertAsync(ToEntity(session, new OneCExchangeSession()), false);
            return true;
        }
        finally
        {
            StartLock.Release();
        }
    }

    public virtual Task<ExchangeSession?> FindByCookieAsync(string cookieToken, CancellationToken cancellationToken) =>
        Task.FromResult(ToSession(_sessionRepository.Table.FirstOrDefault(s => s.CookieToken == cookieToken)));

    public virtual Task<ExchangeSession?> FindActiveAsync(ExchangeType type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var typeId = (int)type;
        var nowUtc = now.UtcDateTime;
        return Task.FromResult(ToSession(_sessionRepository.Table
            .Where(s => s.TypeId == typeId && !s.Completed && s.LockExpiresOnUtc > nowUtc)
            .OrderByDescending(s => s.CreatedOnUtc)
            .FirstOrDefault()));
    }

    public virtual Task<IReadOnlyList<ExchangeSession>> FindPendingCompletionAsync(ExchangeType type, string exceptSessionId,
        CancellationToken cancellationToken)
    {
        var typeId = (int)type;
        IReadOnlyList<ExchangeSession> pending = _sessionRepository.Table
            .Where(s => s.TypeId == typeId && s.SessionId != exceptSessionId && s.FullExchange && !s.HadFailure && !s.Completed)
            .ToList()
            .Select(s => ToSession(s)!)
            .ToList();
        return Task.FromResult(pending);
    }

    public virtual async Task UpdateAsync(ExchangeSession session, CancellationToken cancellationToken)
    {
        var entity = _sessionRepository.Table.FirstOrDefault(s => s.SessionId == session.Id)
            ?? throw new InvalidOperationException($"Exchange session {session.Id} is not stored.");
        await _sessionRepository.UpdateAsync(ToEntity(session, entity), false);
    }

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
        var old = _sessionRepository.Table.Where(s => s.LastSeenOnUtc < utc && s.LockExpiresOnUtc < utc).Select(s => s.SessionId).ToList();
        foreach (var sessionId in old)
            await _checkpointRepository.DeleteAsync(c => c.SessionId == sessionId);
        await _sessionRepository.DeleteAsync(s => s.LastSeenOnUtc < utc && s.LockExpiresOnUtc < utc);
    }

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
        entity.LockExpiresOnUtc = session.LockExpiresAt.UtcDateTime;
        entity.FullExchange = session.FullExchange;
        entity.HadFailure = session.HadFailure;
        entity.Completed = session.Completed;
        entity.StagedBytes = session.StagedBytes;
        entity.RemoteAddress = session.RemoteAddress;
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
        LockExpiresAt = Utc(entity.LockExpiresOnUtc),
        FullExchange = entity.FullExchange,
        HadFailure = entity.HadFailure,
        Completed = entity.Completed,
        StagedBytes = entity.StagedBytes,
        RemoteAddress = entity.RemoteAddress,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
