namespace Nop.Core.Caching;

public partial interface IStaticCacheManager : IDisposable, ICacheKeyService
{
    Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters);
}
