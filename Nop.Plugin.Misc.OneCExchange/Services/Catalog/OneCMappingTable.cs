using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Reads and writes catalog rows of the plugin's 1C id mapping table, in pages and chunks.</summary>
public class OneCMappingTable
{
    #region Fields

    protected readonly IRepository<OneCMapping> _repository;
    protected readonly SetBasedUpdater _updater;

    #endregion

    #region Ctor

    public OneCMappingTable(IRepository<OneCMapping> repository, SetBasedUpdater updater)
    {
        _repository = repository;
        _updater = updater;
    }

    #endregion

    public const int PageSize = 1000;

    private static readonly string[] HashColumns = [nameof(OneCMapping.ContentHash), nameof(OneCMapping.UpdatedOnUtc)];

    private static readonly string[] MatchColumns =
        [nameof(OneCMapping.EntityTypeId), nameof(OneCMapping.EntityId), nameof(OneCMapping.OneCId)];

    private static readonly string[] WriteColumns =
        [nameof(OneCMapping.EntityId), nameof(OneCMapping.ContentHash), nameof(OneCMapping.LastSeenSessionId), nameof(OneCMapping.UpdatedOnUtc)];

    /// <summary>Every row of a kind, page by page (keyset on Id), so memory stays flat however many rows there are.</summary>
    public virtual IAsyncEnumerable<OneCMapping> ReadAllAsync(CatalogEntityKind kind, CancellationToken cancellationToken)
    {
        var entityType = CatalogMappingTypes.IdOf(kind);
        return ReadPagesAsync(afterId => m => m.EntityTypeId == entityType && m.Id > afterId, cancellationToken);
    }

    /// <summary>Rows of a kind that were not seen in a session, page by page (keyset on Id).</summary>
    public virtual IAsyncEnumerable<OneCMapping> ReadNotSeenAsync(CatalogEntityKind kind, string sessionId,
        CancellationToken cancellationToken)
    {
        var entityType = CatalogMappingTypes.IdOf(kind);
        return ReadPagesAsync(afterId => m => m.EntityTypeId == entityType && m.Id > afterId
            && (m.LastSeenSessionId == null || m.LastSeenSessionId != sessionId), cancellationToken);
    }

    /// <summary>The rows a filter selects, in pages of <see cref="PageSize"/> ordered by Id; the filter is given the last Id read.</summary>
    protected virtual async IAsyncEnumerable<OneCMapping> ReadPagesAsync(Func<int, Expression<Func<OneCMapping, bool>>> after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastId = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var filter = after(lastId);
            var page = await _repository.GetAllAsync(query => query.Where(filter).OrderBy(m => m.Id).Take(PageSize));
            foreach (var row in page)
                yield return row;
            if (page.Count < PageSize)
                yield break;
            lastId = page[^1].Id;
        }
    }

    /// <summary>How many rows of a kind were last seen in a session (one COUNT query).</summary>
    public virtual async Task<int> CountSeenAsync(CatalogEntityKind kind, string sessionId)
    {
        var entityType = CatalogMappingTypes.IdOf(kind);
        var counted = await _repository.GetAllPagedAsync(query =>
            query.Where(m => m.EntityTypeId == entityType && m.LastSeenSessionId == sessionId), pageSize: 1, getOnlyTotalCount: true);
        return counted.TotalCount;
    }

    /// <summary>Existing rows for these (kind, key) pairs, one query per kind and chunk.</summary>
    public virtual async Task<Dictionary<EntityKey, OneCMapping>> FindAsync(IEnumerable<EntityKey> keys)
    {
        var found = new Dictionary<EntityKey, OneCMapping>();
        foreach (var kind in keys.GroupBy(k => k.Kind))
        {
            var entityType = CatalogMappingTypes.IdOf(kind.Key);
            foreach (var chunk in Chunks.Of(kind.Select(k => k.Key)))
            {
                var rows = await _repository.GetAllAsync(query =>
                    query.Where(m => m.EntityTypeId == entityType && chunk.Contains(m.OneCId)));
                foreach (var row in rows)
                    found[new EntityKey(kind.Key, row.OneCId)] = row;
            }
        }
        return found;
    }

    /// <summary>Entity ids among <paramref name="entityIds"/> that have a row of this kind (were created or adopted by 1C).</summary>
    public virtual async Task<HashSet<int>> FindMappedEntityIdsAsync(CatalogEntityKind kind, IEnumerable<int> entityIds)
    {
        var entityType = CatalogMappingTypes.IdOf(kind);
        var mapped = new HashSet<int>();
        foreach (var chunk in Chunks.Of(entityIds))
        {
            var rows = await _repository.GetAllAsync(query =>
                query.Where(m => m.EntityTypeId == entityType && chunk.Contains(m.EntityId)));
            mapped.UnionWith(rows.Select(r => r.EntityId));
        }
        return mapped;
    }

    /// <summary>Deletes the rows of a kind that point to these entities (e.g. pictures removed from a product).</summary>
    public virtual async Task DeleteByEntityIdsAsync(CatalogEntityKind kind, IReadOnlyCollection<int> entityIds)
    {
        var entityType = CatalogMappingTypes.IdOf(kind);
        foreach (var chunk in Chunks.Of(entityIds))
            await _repository.DeleteAsync(m => m.EntityTypeId == entityType && chunk.Contains(m.EntityId));
    }

    /// <summary>Forgets the content hash of these rows, so that the next exchange carrying them writes them again.</summary>
    public virtual async Task ClearHashesAsync(IReadOnlyCollection<OneCMapping> rows, DateTime nowUtc)
    {
        var changed = rows.Where(r => r.ContentHash is not null).ToList();
        if (changed.Count == 0)
            return;
        foreach (var row in changed)
        {
            row.ContentHash = null;
            row.UpdatedOnUtc = nowUtc;
        }
        await _updater.UpdateAsync(_repository, changed, HashColumns, publishEvents: false);
    }

    /// <summary>
    /// The kinds whose rows keep the last session that saw them: those a full exchange unpublishes when it did not
    /// carry them (see CatalogCompletionService). Other unchanged items (offers, options...) cost no write at all.
    /// </summary>
    public static readonly IReadOnlySet<CatalogEntityKind> SweptKinds =
        new HashSet<CatalogEntityKind> { CatalogEntityKind.Category, CatalogEntityKind.Product };

    /// <summary>
    /// Writes a batch's mapping changes: upserts <paramref name="writes"/> (last write of a key wins) and marks the
    /// <paramref name="seen"/> keys of the <see cref="SweptKinds"/> as seen in the session. Unchanged rows are not
    /// written. Keys that have no row (<see cref="MappingWrite.Unmapped"/>) are inserted without a lookup. Rows of
    /// entities that were not created are first updated in place without a lookup (see
    /// <see cref="UpdateInPlaceAsync"/>); the rest costs one lookup per kind and chunk of the keys, one bulk insert and
    /// one set-based update; and one statement per kind marks the unchanged keys seen without reading them (on SQL
    /// Server they are looked up and updated with the rest). Only the swept kinds record the session of a write.
    /// </summary>
    public virtual async Task WriteAsync(IReadOnlyCollection<MappingWrite> writes, IReadOnlyCollection<EntityKey> seen,
        string sessionId, DateTime nowUtc)
    {
        var lastWrites = new Dictionary<EntityKey, MappingWrite>();
        foreach (var write in writes)
            lastWrites[write.Key] = write;
        var toMark = seen.Where(k => SweptKinds.Contains(k.Kind) && !lastWrites.ContainsKey(k)).Distinct().ToList();
        var marked = new List<EntityKey>();
        foreach (var kind in toMark.GroupBy(k => k.Kind))
            if (await _updater.TrySetWhereKeyInAsync<OneCMapping>(nameof(OneCMapping.EntityTypeId), CatalogMappingTypes.IdOf(kind.Key),
                    nameof(OneCMapping.OneCId), kind.Select(k => k.Key).ToList(), nameof(OneCMapping.LastSeenSessionId), sessionId))
                marked.AddRange(kind);
        seen = toMark.Except(marked).ToList();
        var inserts = new List<OneCMapping>();
        foreach (var write in lastWrites.Values.Where(w => w.Unmapped).ToList())
        {
            inserts.Add(NewRow(write, sessionId, nowUtc));
            lastWrites.Remove(write.Key);
        }
        var inPlace = lastWrites.Values.Where(w => !w.Created).ToList();
        if (inPlace.Count > 0 && await UpdateInPlaceAsync(inPlace, sessionId, nowUtc))
            foreach (var write in inPlace)
                lastWrites.Remove(write.Key);
        var existing = await FindAsync(lastWrites.Keys.Concat(seen).Distinct());

        var updates = new Dictionary<int, OneCMapping>();
        foreach (var (key, write) in lastWrites)
        {
            if (!existing.TryGetValue(key, out var row))
            {
                inserts.Add(NewRow(write, sessionId, nowUtc));
                continue;
            }
            var swept = SweptKinds.Contains(key.Kind);
            if (row.EntityId == write.EntityId && row.ContentHash == write.Hash && (!swept || row.LastSeenSessionId == sessionId))
                continue;
            row.EntityId = write.EntityId;
            row.ContentHash = write.Hash;
            if (swept)
                row.LastSeenSessionId = sessionId;
            row.UpdatedOnUtc = nowUtc;
            updates[row.Id] = row;
        }
        foreach (var key in seen)
        {
            if (lastWrites.ContainsKey(key) || !existing.TryGetValue(key, out var row) || row.LastSeenSessionId == sessionId)
                continue;
            row.LastSeenSessionId = sessionId;
            updates[row.Id] = row;
        }

        if (inserts.Count > 0)
            await _updater.InsertAsync(_repository, inserts, publishEvents: false);
        if (updates.Count > 0)
            await _updater.UpdateAsync(_repository, updates.Values.ToList(), WriteColumns, publishEvents: false);
    }

    private static OneCMapping NewRow(MappingWrite write, string sessionId, DateTime nowUtc) => new()
    {
        EntityTypeId = CatalogMappingTypes.IdOf(write.Key.Kind), OneCId = write.Key.Key, EntityId = write.EntityId,
        ContentHash = write.Hash, LastSeenSessionId = sessionId, UpdatedOnUtc = nowUtc
    };

    /// <summary>
    /// Updates the rows of these writes in place, matched on kind, entity and exact key, without reading them: one
    /// statement for the swept kinds (which also record the session) and one for the others. Only the hash and the
    /// update time change there, no indexed column, so PostgreSQL can update the row where it is (HOT) without a new
    /// entry in each of the table's indexes. True when every write found its row; otherwise (new keys, a key that now
    /// points to another entity, SQL Server) the caller looks the rows up and writes what still differs.
    /// </summary>
    protected virtual async Task<bool> UpdateInPlaceAsync(IReadOnlyCollection<MappingWrite> writes, string sessionId, DateTime nowUtc)
    {
        var matched = 0;
        foreach (var group in writes.GroupBy(w => SweptKinds.Contains(w.Key.Kind)))
        {
            var rows = group.Select(w => new object?[] { CatalogMappingTypes.IdOf(w.Key.Kind), w.EntityId, w.Key.Key, w.Hash }).ToList();
            List<(string, object?)> constants = group.Key
                ? [(nameof(OneCMapping.LastSeenSessionId), sessionId), (nameof(OneCMapping.UpdatedOnUtc), nowUtc)]
                : [(nameof(OneCMapping.UpdatedOnUtc), nowUtc)];
            var count = await _updater.TryUpdateMatchedAsync<OneCMapping>(MatchColumns, [nameof(OneCMapping.ContentHash)], rows, constants);
            if (count is null)
                return false;
            matched += count.Value;
        }
        return matched == writes.Count;
    }
}

/// <summary>
/// A mapping row to write: the key now points to <paramref name="EntityId"/> with this content hash;
/// <paramref name="Created"/> when the batch created the entity (its row cannot be updated in place);
/// <paramref name="Unmapped"/> when the table has no row for the key (it is inserted without a lookup).
/// </summary>
public readonly record struct MappingWrite(EntityKey Key, int EntityId, string? Hash, bool Created = false, bool Unmapped = false);
