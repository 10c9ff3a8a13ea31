using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace OneCExchange.Tests.Plugin.Exchange;

/// <summary>An IRepository over a list: ids are assigned on insert, like the database's identity column.</summary>
public sealed class InMemoryRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private readonly List<TEntity> _rows = [];
    private int _nextId = 1;

    public IReadOnlyList<TEntity> Rows { get { lock (_rows) return [.. _rows]; } }

    public IQueryable<TEntity> Table { get { lock (_rows) return _rows.ToList().AsQueryable(); } }

    public Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_rows)
        {
            entity.Id = _nextId++;
            _rows.Add(entity);
        }
        return Task.CompletedTask;
    }

    public Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_rows)
            if (!_rows.Contains(entity))
                throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} is not stored.");
        return Task.CompletedTask;
    }

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true) =>
        Task.FromResult<IList<TEntity>>((func ?? (q => q))(Table).ToList());

    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var all = (func ?? (q => q))(Table).ToList();
        var page = getOnlyTotalCount ? [] : all.Skip((int)Math.Min(int.MaxValue, (long)pageIndex * pageSize)).Take(pageSize);
        return Task.FromResult<IPagedList<TEntity>>(new ListPage<TEntity>(page, all.Count));
    }

    public async Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await InsertAsync(entity, publishEvent);
    }

    public async Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await UpdateAsync(entity, publishEvent);
    }

    public Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        lock (_rows)
            _rows.RemoveAll(entities.Contains);
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        var matches = predicate.Compile();
        lock (_rows)
            return Task.FromResult(_rows.RemoveAll(e => matches(e)));
    }
}
