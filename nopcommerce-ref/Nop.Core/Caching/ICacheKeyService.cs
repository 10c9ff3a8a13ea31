namespace Nop.Core.Caching;

public partial interface ICacheKeyService
{
    CacheKey PrepareKeyForDefaultCache(CacheKey cacheKey, params object[] cacheKeyParameters);
}
