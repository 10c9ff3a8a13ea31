using System.Linq.Expressions;
using System.Transactions;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>
/// An in-memory <see cref="IRepository{TEntity}"/> that behaves like a table: it stores copies (so a change that is
/// not written with UpdateAsync is lost, as in a database), assigns identities, counts round trips, and takes part
/// in an ambient <see cref="TransactionScope"/> (a scope disposed without Complete restores the table).
/// </summary>
public sealed class FakeRepository<T> : IRepository<T>, IEnlistmentNotification where T : BaseEntity
{
    private readonly FakeDatabase _database;
    private List<T> _rows = [];
    private int _lastId;
    private Transaction? _enlistedIn;
    private (List<T> Rows, int LastId) _beforeTransaction;

    public FakeRepository(FakeDatabase database)
    {
        _database = database;
        database.Adopt(this);
    }

    /// <summary>When set, a write of an entity matching it throws (a constraint violation, a lost connection...).</summary>
    public Func<T, bool>? FailWritesOf { get; set; }

    public IReadOnlyList<T> Snapshot() => _rows.Select(FakeDatabase.Copy).ToList();

    public IQueryable<T> Table => _rows.Select(FakeDatabase.Copy).ToList().AsQueryable();

    public Task<IList<T>> GetAllAsync(Func<IQueryable<T>, IQueryable<T>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        Count("GetAllAsync");
        var query = _rows.AsQueryable();
        IList<T> result = (func?.Invoke(query) ?? query).Select(FakeDatabase.Copy).ToList();
        return Task.FromResult(result);
    }

    public Task<IPagedList<T>> GetAllPagedAsync(Func<IQueryable<T>, IQueryable<T>>? func = null, int pageIndex = 0,
        int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        Count("GetAllPagedAsync");
        var query = func?.Invoke(_rows.AsQueryable()) ?? _rows.AsQueryable();
        var total = query.Count();
        var page = getOnlyTotalCount ? [] : query.Skip(pageIndex * pageSize).Take(pageSize).Select(FakeDatabase.Copy).ToList();
        return Task.FromResult<IPagedList<T>>(new FakePagedList(page, total));
    }

    private sealed class FakePagedList(List<T> page, int totalCount) : List<T>(page), IPagedList<T>
    {
        public int TotalCount { get; } = totalCount;
    }

    public Task InsertAsync(T entity, bool publishEvent = true) => Insert([entity], publishEvent, "InsertAsync");

    public Task InsertAsync(IList<T> entities, bool publishEvent = true) => Insert(entities, publishEvent, "InsertAsync(list)");

    public Task UpdateAsync(T entity, bool publishEvent = true) => Update([entity], publishEvent, "UpdateAsync");

    public Task UpdateAsync(IList<T> entities, bool publishEvent = true) => Update(entities, publishEvent, "UpdateAsync(list)");

    public Task DeleteAsync(IList<T> entities, bool publishEvent = true)
    {
        Count("DeleteAsync(list)");
        Enlist();
        var ids = entities.Select(e => e.Id).ToHashSet();
        _rows.RemoveAll(r => ids.Contains(r.Id));
        if (publishEvent)
            foreach (var id in ids)
                _database.EntityEvents.Add(("deleted", typeof(T), id));
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(Expression<Func<T, bool>> predicate)
    {
        Count("DeleteAsync(predicate)");
        Enlist();
        return Task.FromResult(_rows.RemoveAll(new Predicate<T>(predicate.Compile())));
    }

    private Task Insert(IList<T> entities, bool publishEvent, string operation)
    {
        Count(operation);
        Enlist();
        foreach (var entity in entities)
        {
            if (entity.Id != 0)
                throw new InvalidOperationException($"{typeof(T).Name} {entity.Id} is inserted twice");
            ThrowIfFailing(entity);
        }
        foreach (var entity in entities)
        {
            entity.Id = ++_lastId;
            _rows.Add(FakeDatabase.Copy(entity));
            if (publishEvent)
                _database.EntityEvents.Add(("inserted", typeof(T), entity.Id));
        }
        return Task.CompletedTask;
    }

    private Task Update(IList<T> entities, bool publishEvent, string operation)
    {
        Count(operation);
        Enlist();
        foreach (var entity in entities)
        {
            ThrowIfFailing(entity);
            var index = _rows.FindIndex(r => r.Id == entity.Id);
            if (index < 0)
                throw new InvalidOperationException($"{typeof(T).Name} {entity.Id} does not exist");
            _rows[index] = FakeDatabase.Copy(entity);
            if (publishEvent)
                _database.EntityEvents.Add(("updated", typeof(T), entity.Id));
        }
        return Task.CompletedTask;
    }

    private void ThrowIfFailing(T entity)
    {
        if (FailWritesOf?.Invoke(entity) == true)
            throw new InvalidOperationException($"simulated database failure writing {typeof(T).Name}");
    }

    private void Count(string operation) => _database.CountRoundTrip($"{typeof(T).Name}.{operation}");

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
        _enlistedIn = null;
        enlistment.Done();
    }

    void IEnlistmentNotification.Rollback(Enlistment enlistment)
    {
        (_rows, _lastId) = _beforeTransaction;
        _enlistedIn = null;
        enlistment.Done();
    }

    void IEnlistmentNotification.InDoubt(Enlistment enlistment) => enlistment.Done();
}
