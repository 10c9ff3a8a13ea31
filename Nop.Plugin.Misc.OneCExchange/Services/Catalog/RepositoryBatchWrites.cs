using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Set-based writes of a batch's changes to one table: one statement per kind of change.</summary>
public static class RepositoryBatchWrites
{
    /// <summary>Deletes, updates and inserts (in that order, skipping empty lists); each records that the table was written.</summary>
    /// <param name="updated">The properties the updates change (the only columns written).</param>
    public static async Task WriteChangesAsync<T>(this IRepository<T> repository, CatalogBatchContext context,
        List<T> inserts, List<T> deletes, List<T>? updates = null, IReadOnlyCollection<string>? updated = null) where T : BaseEntity
    {
        await context.DeleteAsync(repository, deletes);
        if (updates is { Count: > 0 })
            await context.UpdateAsync(repository, updates, updated ?? throw new ArgumentNullException(nameof(updated)));
        await context.InsertAsync(repository, inserts);
    }
}
