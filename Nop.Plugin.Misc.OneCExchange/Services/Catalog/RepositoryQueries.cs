using System.Linq.Expressions;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Set-based reads through <see cref="IRepository{TEntity}.GetAllAsync"/>: one query per chunk of values.</summary>
public static class RepositoryQueries
{
    /// <summary>Entities whose <paramref name="property"/> is one of <paramref name="values"/> (uncached).</summary>
    public static async Task<List<T>> WhereInAsync<T, TValue>(this IRepository<T> repository,
        Expression<Func<T, TValue>> property, IEnumerable<TValue> values) where T : BaseEntity
    {
        var result = new List<T>();
        foreach (var chunk in Chunks.Of(values))
        {
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)],
                Expression.Constant(chunk), property.Body);
            var predicate = Expression.Lambda<Func<T, bool>>(contains, property.Parameters);
            result.AddRange(await repository.GetAllAsync(query => query.Where(predicate)));
        }
        return result;
    }

    public static Task<List<T>> ByIdsAsync<T>(this IRepository<T> repository, IEnumerable<int> ids) where T : BaseEntity =>
        repository.WhereInAsync(e => e.Id, ids);
}
