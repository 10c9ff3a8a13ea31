using Nop.Core.Caching;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>
/// Records which entity types the store asked to clear caches for (the prefixes themselves come from nopCommerce's
/// defaults classes, which exist only in a real store).
/// </summary>
public sealed class RecordingCacheCleaner() : CatalogCacheCleaner(new NoCache())
{
    public List<Type> Cleared { get; } = [];

    public override Task ClearAsync(IReadOnlyCollection<Type> writtenTypes)
    {
        Cleared.AddRange(writtenTypes);
        return Task.CompletedTask;
    }

    private sealed class NoCache : IStaticCacheManager
    {
        public Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
