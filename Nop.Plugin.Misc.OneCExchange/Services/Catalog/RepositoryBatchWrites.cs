using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Set-based writes of a batch's changes to one table: one list call per kind of change.</summary>
public static class RepositoryBatchWrites
{
    /// <summary>Deletes, updates and inserts (in that order, skipping empty lists) and records that the table was written.</summary>
    public static async Task WriteChangesAsync<T>(this IRepository<T> repository, CatalogBatchContext context,
        List<T> inserts, List<T> deletes, List<T>? updates = null) where T : BaseEntity
    {
        if (deletes.Count > 0)
            await repository.DeleteAsync(deletes, context.PublishEvents);
        if (updates is { Count: > 0 })
            await repository.UpdateAsync(updates, context.PublishEvents);
        if (inserts.Count > 0)
            await repository.InsertAsync(inserts, context.PublishEvents);
        if (deletes.Count + inserts.Count + (updates?.Count ?? 0) > 0)
            context.Wrote<T>();
    }
}
