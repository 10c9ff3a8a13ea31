using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace OneCExchange.Tests.PluginOrders.Fakes;

/// <summary>An <see cref="IRepository{TEntity}"/> over a list: ids assigned on insert, LINQ queries run in memory.</summary>
public sealed class InMemoryRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private readonly List<TEntity> _rows = [];

    public IReadOnlyList<TEntity> Rows => _rows;

    public int UpdateCount { get; private set; }

    /// <summary>Runs just before an update is stored, e.g. to let another request change data in between.</summary>
    public Func<TEntity, Task>? BeforeUpdate { get; set; }

    public IQueryable<TEntity> Table => _rows.AsQueryable();

    /// <summary>
    /// When set, reads return copies and updates overwrite the stored row with the caller's copy, as a database does;
    /// otherwise callers share the stored objects (simpler for tables whose concurrency a test does not examine).
    /// </summary>
    public bool Detached { get; init; }

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        var query = func == null ? Table : func(Table);
        return Task.FromResult<IList<TEntity>>(query.AsEnumerable().Select(Read).ToList());
    }

    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var query = func == null ? Table : func(Table);
        var total = query.Count();
        var page = getOnlyTotalCount ? [] : query.Skip(pageIndex * pageSize).Take(pageSize).AsEnumerable().Select(Read).ToList();
        return Task.FromResult<IPagedList<TEntity>>(new PagedRows(page, total));
    }

    public Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        Insert(entity);
        return Task.CompletedTask;
    }

    public Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            Insert(entity);
        return Task.CompletedTask;
    }

    public async Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        var index = _rows.FindIndex(r => r.Id == entity.Id);
        if (index < 0)
            throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} is not stored.");
        if (BeforeUpdate != null)
            await BeforeUpdate(entity);
        // Like a database row, the stored row gets every column of what the caller holds, stale or not.
        if (Detached)
            _rows[index] = Copy(entity);
        UpdateCount++;
    }

    public async Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await UpdateAsync(entity, publishEvent);
    }

    public Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        var ids = entities.Select(e => e.Id).ToHashSet();
        _rows.RemoveAll(r => ids.Contains(r.Id));
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate) => Task.FromResult(_rows.RemoveAll(predicate.Compile().Invoke));

    /// <summary>Stores an entity as if it had been inserted earlier; assigns the next id when it has none.</summary>
    public TEntity Add(TEntity entity)
    {
        if (entity.Id == 0)
            entity.Id = _rows.Count == 0 ? 1 : _rows.Max(r => r.Id) + 1;
        else if (_rows.Any(r => r.Id == entity.Id))
            throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} already exists.");
        _rows.Add(entity);
        return entity;
    }

    private void Insert(TEntity entity) => entity.Id = Add(Detached ? Copy(entity) : entity).Id;

    private TEntity Read(TEntity row) => Detached ? Copy(row) : row;

    private static TEntity Copy(TEntity entity) => (TEntity)MemberwiseCloneMethod.Invoke(entity, null)!;

    private static readonly System.Reflection.MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

    private sealed class PagedRows(List<TEntity> page, int totalCount) : List<TEntity>(page), IPagedList<TEntity>
    {
        public int TotalCount { get; } = totalCount;
    }
}
