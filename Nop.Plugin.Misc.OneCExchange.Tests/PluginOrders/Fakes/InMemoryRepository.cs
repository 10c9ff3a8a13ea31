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

    public IQueryable<TEntity> Table => _rows.AsQueryable();

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        var query = func == null ? Table : func(Table);
        return Task.FromResult<IList<TEntity>>(query.ToList());
    }

    public Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        Add(entity);
        return Task.CompletedTask;
    }

    public Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            Add(entity);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        if (!_rows.Contains(entity))
            throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} is not stored.");
        UpdateCount++;
        return Task.CompletedTask;
    }

    public async Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await UpdateAsync(entity, publishEvent);
    }

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
}
