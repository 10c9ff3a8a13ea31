using System.Linq.Expressions;
using System.Transactions;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace OneCExchange.Tests.Fakes;

/// <summary>
/// An <see cref="IRepository{TEntity}"/> over a list that behaves like a table: identities assigned on insert, LINQ
/// queries run in memory, safe to call from concurrent requests, and part of an ambient <see cref="TransactionScope"/>
/// (a scope disposed without Complete restores the rows). Built on a <see cref="FakeDatabase"/> it also counts round
/// trips, records the entity events it was asked to publish and stores copies (see <see cref="Detached"/>).
/// </summary>
public sealed class InMemoryRepository<TEntity> : IRepository<TEntity>, IEnlistmentNotification where TEntity : BaseEntity
{
    private readonly object _lock = new();
    private readonly FakeDatabase? _database;
    private List<TEntity> _rows = [];
    private int _lastId;
    private Transaction? _enlistedIn;
    private (List<TEntity> Rows, int LastId) _beforeTransaction;

    public InMemoryRepository()
    {
    }

    /// <summary>A table of <paramref name="database"/>: the first repository of a type is its table (also when a DI container creates it).</summary>
    public InMemoryRepository(FakeDatabase database)
    {
        _database = database;
        Detached = true;
        database.Adopt(this);
    }

    /// <summary>
    /// When set, reads return copies and writes store copies, as a database does (a change not written with UpdateAsync
    /// is lost); otherwise callers share the stored objects (simpler for tables whose concurrency a test does not examine).
    /// </summary>
    public bool Detached { get; init; }

    /// <summary>The stored rows themselves (a test may change one to simulate another writer).</summary>
    public IReadOnlyList<TEntity> Rows { get { lock (_lock) return [.. _rows]; } }

    public int UpdateCount { get; private set; }

    /// <summary>Calls that would each be one database round trip (reads and writes), counted with or without a database.</summary>
    public int RoundTrips { get; private set; }

    /// <summary>Runs just before an update is stored, e.g. to let another request change data in between.</summary>
    public Func<TEntity, Task>? BeforeUpdate { get; set; }

    /// <summary>When set, a write of an entity matching it throws (a constraint violation, a lost connection...).</summary>
    public Func<TEntity, bool>? FailWritesOf { get; set; }

    public IQueryable<TEntity> Table { get { lock (_lock) return _rows.Select(Read).ToList().AsQueryable(); } }

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        Count("GetAllAsync");
        lock (_lock)
        {
            var query = _rows.AsQueryable();
            return Task.FromResult<IList<TEntity>>((func?.Invoke(query) ?? query).AsEnumerable().Select(Read).ToList());
        }
    }

    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        Count("GetAllPagedAsync");
        lock (_lock)
        {
            var query = func?.Invoke(_rows.AsQueryable()) ?? _rows.AsQueryable();
            var total = query.Count();
            var page = getOnlyTotalCount ? [] : query.Skip(pageIndex * pageSize).Take(pageSize).AsEnumerable().Select(Read).ToList();
            return Task.FromResult<IPagedList<TEntity>>(new PagedRows(page, total));
        }
    }

    public Task InsertAsync(TEntity entity, bool publishEvent = true) => Insert([entity], publishEvent, "InsertAsync");

    public Task InsertAsync(IList<TEntity> entities, bool publishEvent = true) => Insert(entities, publishEvent, "InsertAsync(list)");

    public Task UpdateAsync(TEntity entity, bool publishEvent = true) => Update([entity], publishEvent, "UpdateAsync");

    public Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true) => Update(entities, publishEvent, "UpdateAsync(list)");

    public Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        Count("DeleteAsync(list)");
        var ids = entities.Select(e => e.Id).ToHashSet();
        lock (_lock)
        {
            Enlist();
            _rows.RemoveAll(r => ids.Contains(r.Id));
        }
        if (publishEvent)
            foreach (var id in ids)
                _database?.RecordEntityEvent("deleted", typeof(TEntity), id);
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        Count("DeleteAsync(predicate)");
        var matches = predicate.Compile();
        lock (_lock)
        {
            Enlist();
            return Task.FromResult(_rows.RemoveAll(r => matches(r)));
        }
    }

    /// <summary>Stores an entity as if it had been inserted earlier; assigns the next id when it has none.</summary>
    public TEntity Add(TEntity entity)
    {
        lock (_lock)
        {
            if (entity.Id == 0)
                entity.Id = ++_lastId;
            else if (_rows.Any(r => r.Id == entity.Id))
                throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} already exists.");
            _lastId = Math.Max(_lastId, entity.Id);
            _rows.Add(entity);
        }
        return entity;
    }

    private Task Insert(IList<TEntity> entities, bool publishEvent, string operation)
    {
        Count(operation);
        foreach (var entity in entities)
        {
            if (entity.Id != 0)
                throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} is inserted twice.");
            ThrowIfFailing(entity);
        }
        lock (_lock)
        {
            Enlist();
            foreach (var entity in entities)
                entity.Id = Add(Detached ? Copy(entity) : entity).Id;
        }
        if (publishEvent)
            foreach (var entity in entities)
                _database?.RecordEntityEvent("inserted", typeof(TEntity), entity.Id);
        return Task.CompletedTask;
    }

    private async Task Update(IList<TEntity> entities, bool publishEvent, string operation)
    {
        Count(operation);
        foreach (var entity in entities)
        {
            ThrowIfFailing(entity);
            IndexOf(entity);
            if (BeforeUpdate != null)
                await BeforeUpdate(entity);
            lock (_lock)
            {
                Enlist();
                // Like a database row, the stored row gets every column of what the caller holds, stale or not.
                _rows[IndexOf(entity)] = Detached ? Copy(entity) : entity;
                UpdateCount++;
            }
            if (publishEvent)
                _database?.RecordEntityEvent("updated", typeof(TEntity), entity.Id);
        }
    }

    private int IndexOf(TEntity entity)
    {
        lock (_lock)
        {
            var index = _rows.FindIndex(r => r.Id == entity.Id);
            return index >= 0 ? index : throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} is not stored.");
        }
    }

    private void ThrowIfFailing(TEntity entity)
    {
        if (FailWritesOf?.Invoke(entity) == true)
            throw new InvalidOperationException($"simulated database failure writing {typeof(TEntity).Name}");
    }

    private void Count(string operation)
    {
        RoundTrips++;
        _database?.CountRoundTrip($"{typeof(TEntity).Name}.{operation}");
    }

    private TEntity Read(TEntity row) => Detached ? Copy(row) : row;

    private static TEntity Copy(TEntity entity) => FakeDatabase.Copy(entity);

    /// <summary>Joins the ambient transaction (under the lock): its rollback restores the rows as they were before.</summary>
    private void Enlist()
    {
        var current = Transaction.Current;
        if (current is null || ReferenceEquals(current, _enlistedIn))
            return;
        _enlistedIn = current;
        _beforeTransaction = ([.. _rows], _lastId);
        current.EnlistVolatile(this, EnlistmentOptions.None);
    }

    void IEnlistmentNotification.Prepare(PreparingEnlistment preparingEnlistment) => preparingEnlistment.Prepared();

    void IEnlistmentNotification.Commit(Enlistment enlistment)
    {
        lock (_lock)
            _enlistedIn = null;
        enlistment.Done();
    }

    void IEnlistmentNotification.Rollback(Enlistment enlistment)
    {
        lock (_lock)
        {
            (_rows, _lastId) = _beforeTransaction;
            _enlistedIn = null;
        }
        enlistment.Done();
    }

    void IEnlistmentNotification.InDoubt(Enlistment enlistment) => enlistment.Done();

    private sealed class PagedRows(List<TEntity> page, int totalCount) : List<TEntity>(page), IPagedList<TEntity>
    {
        public int TotalCount { get; } = totalCount;
    }
}
