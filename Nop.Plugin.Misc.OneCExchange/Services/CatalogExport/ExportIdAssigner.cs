using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Services.CatalogExport;

/// <summary>
/// The 1C ids of store entities for type=get_catalog, from the mapping table the catalog import reads: an entity keeps
/// the id of its existing row (the oldest when several), and an entity without one gets a new id, recorded in one bulk
/// insert before the document goes out. 1C then sends these ids back and the import updates the same entities.
/// </summary>
public class ExportIdAssigner
{
    #region Fields

    protected const int ChunkSize = 500;

    protected readonly IRepository<OneCMapping> _mappingRepository;

    #endregion

    #region Ctor

    public ExportIdAssigner(IRepository<OneCMapping> mappingRepository)
    {
        _mappingRepository = mappingRepository;
    }

    #endregion

    /// <summary>A new 1C id (a GUID, as 1C makes them).</summary>
    public static string NewId() => Guid.NewGuid().ToString();

    /// <summary>Entity id → 1C id for plain kinds (the key is the 1C id itself).</summary>
    public virtual Task<Dictionary<int, string>> GetOrAssignAsync(OneCEntityType type, IEnumerable<int> entityIds) =>
        GetOrAssignAsync(type, entityIds, static (_, _) => true, static _ => NewId());

    /// <summary>
    /// Entity id → mapping key, for kinds whose key is composed (an option "property/value", a combination
    /// "product#characteristic"): only rows <paramref name="accepts"/> are used; <paramref name="newKey"/> composes a new one.
    /// </summary>
    public virtual async Task<Dictionary<int, string>> GetOrAssignAsync(OneCEntityType type, IEnumerable<int> entityIds,
        Func<int, string, bool> accepts, Func<int, string> newKey)
    {
        var typeId = (int)type;
        var wanted = entityIds.Distinct().ToList();
        var keys = new Dictionary<int, string>(wanted.Count);
        foreach (var chunk in wanted.Chunk(ChunkSize))
        {
            var rows = await _mappingRepository.GetAllAsync(query =>
                query.Where(m => m.EntityTypeId == typeId && chunk.Contains(m.EntityId)).OrderBy(m => m.Id));
            foreach (var row in rows)
                if (accepts(row.EntityId, row.OneCId))
                    keys.TryAdd(row.EntityId, row.OneCId);
        }

        var now = DateTime.UtcNow;
        var inserts = wanted.Where(id => !keys.ContainsKey(id))
            .Select(id => new OneCMapping { EntityTypeId = typeId, OneCId = newKey(id), EntityId = id, UpdatedOnUtc = now })
            .ToList();
        if (inserts.Count > 0)
            await _mappingRepository.InsertAsync(inserts, publishEvent: false);
        foreach (var row in inserts)
            keys[row.EntityId] = row.OneCId;
        return keys;
    }
}
