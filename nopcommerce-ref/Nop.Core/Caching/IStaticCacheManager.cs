namespace Nop.Core.Caching;

public partial interface IStaticCacheManager : IDisposable, ICacheKeyService
{
    Task<T> GetAsync<T>(CacheKey key, Func<Task<T>> acquire);

    Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters);
}
