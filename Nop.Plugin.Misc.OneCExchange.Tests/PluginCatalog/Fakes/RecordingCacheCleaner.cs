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

/// <summary>Records the cache prefixes removed.</summary>
public sealed class FakeStaticCacheManager : IStaticCacheManager
{
    public List<string> RemovedPrefixes { get; } = [];

    public Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters)
    {
        RemovedPrefixes.Add(prefix);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
