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
            // The chunk as a captured variable (not a constant): linq2db then sends its values as parameters and reuses
            // the translated query, where a constant list is spelled into the SQL text and translated again every time.
            Expression<Func<List<TValue>>> captured = () => chunk;
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)],
                captured.Body, property.Body);
            var predicate = Expression.Lambda<Func<T, bool>>(contains, property.Parameters);
            result.AddRange(await repository.GetAllAsync(query => query.Where(predicate)));
        }
        return result;
    }

    public static Task<List<T>> ByIdsAsync<T>(this IRepository<T> repository, IEnumerable<int> ids) where T : BaseEntity =>
        repository.WhereInAsync(e => e.Id, ids);
}
