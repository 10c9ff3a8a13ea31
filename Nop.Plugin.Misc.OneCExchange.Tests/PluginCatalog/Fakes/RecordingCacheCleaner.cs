using Nop.Core.Caching;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>
/// Records which entity types the store asked to clear caches for (the prefixes themselves come from nopCommerce's
/// defaults classes, which exist only in a real store).
/// </summary>
public sealed class RecordingCacheCleaner() : CatalogCacheCleaner(new FakeStaticCacheManager())
{
    public List<Type> Cleared { get; } = [];

    public override Task ClearAsync(IReadOnlyCollection<Type> writtenTypes)
    {
        Cleared.AddRange(writtenTypes);
        return Task.CompletedTask;
    }
}

/// <summary>Records the cache prefixes removed; caches in a dictionary.</summary>
public sealed class FakeStaticCacheManager : IStaticCacheManager
{
    private readonly Dictionary<string, object?> _cache = [];

    public List<string> RemovedPrefixes { get; } = [];

    public CacheKey PrepareKeyForDefaultCache(CacheKey cacheKey, params object[] cacheKeyParameters) => cacheKey;

    public async Task<T> GetAsync<T>(CacheKey key, Func<Task<T>> acquire)
    {
        if (!_cache.TryGetValue(key.Key, out var value))
            _cache[key.Key] = value = await acquire();
        return (T)value!;
    }

    public Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters)
    {
        RemovedPrefixes.Add(prefix);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
