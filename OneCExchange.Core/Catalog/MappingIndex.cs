using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog;

/// <summary>What the pipeline knows of one mapping row; updated in place after each applied command.</summary>
internal sealed class MappedEntity(int entityId, string? hash)
{
    public int EntityId { get; set; } = entityId;
    public string? Hash { get; set; } = hash;
}

/// <summary>A picture of a product as the mapping table knows it.</summary>
internal sealed record MappedPicture(string Key, int PictureId, string? Hash);

/// <summary>
/// The host's mapping rows, read once per session and kind (lazily), then kept in step with what the pipeline writes.
/// Pictures are indexed by product key. It outlives a request, so the store (often scoped to one) is passed per call.
/// </summary>
internal sealed class MappingIndex
{
    private readonly Dictionary<CatalogEntityKind, Dictionary<string, MappedEntity>> _maps = [];
    private Dictionary<string, List<MappedPicture>>? _pictures;

    public async ValueTask<Dictionary<string, MappedEntity>> GetAsync(ICatalogStore store, CatalogEntityKind kind,
        CancellationToken ct)
    {
        if (_maps.TryGetValue(kind, out var map))
            return map;
        map = new Dictionary<string, MappedEntity>(StringComparer.Ordinal);
        await foreach (var row in store.ReadMappingsAsync(kind, ct))
            map[row.Key] = new MappedEntity(row.EntityId, row.Hash);
        _maps[kind] = map;
        return map;
    }

    /// <summary>Whether the kind's rows are loaded and none has this key (then the store has none either).</summary>
    public bool IsUnmapped(CatalogEntityKind kind, string key) => _maps.TryGetValue(kind, out var map) && !map.ContainsKey(key);

    /// <summary>The loaded map of a kind (GetAsync must have loaded it).</summary>
    public Dictionary<string, MappedEntity> Loaded(CatalogEntityKind kind) => _maps[kind];

    public async ValueTask<Dictionary<string, List<MappedPicture>>> PicturesAsync(ICatalogStore store, CancellationToken ct)
    {
        if (_pictures != null)
            return _pictures;
        _pictures = new Dictionary<string, List<MappedPicture>>(StringComparer.Ordinal);
        await foreach (var row in store.ReadMappingsAsync(CatalogEntityKind.Picture, ct))
        {
            var bar = row.Key.IndexOf('|');
            if (bar <= 0)
                continue;
            var productKey = row.Key[..bar];
            if (!_pictures.TryGetValue(productKey, out var list))
                _pictures[productKey] = list = [];
            list.Add(new MappedPicture(row.Key, row.EntityId, row.Hash));
        }
        return _pictures;
    }

    public void Record(CatalogEntityKind kind, string key, int entityId, string? hash)
    {
        var map = _maps[kind];
        if (map.TryGetValue(key, out var entry))
        {
            entry.EntityId = entityId;
            entry.Hash = hash;
        }
        else
        {
            map[key] = new MappedEntity(entityId, hash);
        }
    }

    public static string PictureKey(string productKey, string relativePath) => MappingKeys.Fit(productKey + "|" + relativePath);
}
