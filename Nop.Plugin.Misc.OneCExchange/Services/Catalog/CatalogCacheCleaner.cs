using Nop.Core.Caching;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Clears what nopCommerce's cache event consumers would have cleared, when the exchange writes without entity events:
/// the entity caches of every written type, and the catalog caches derived from them (prices, featured products,
/// category lookups, filterable options, and Nop.Web's presentation models).
/// </summary>
public class CatalogCacheCleaner
{
    #region Fields

    protected readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public CatalogCacheCleaner(IStaticCacheManager staticCacheManager)
    {
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    /// <summary>Nop.Web's model cache prefix (NopModelCacheDefaults lives in Nop.Web, which the plugin does not reference).</summary>
    public const string PresentationModelsPrefix = "Nop.pres.";

    public virtual async Task ClearAsync(IReadOnlyCollection<Type> writtenTypes)
    {
        if (writtenTypes.Count == 0)
            return;
        foreach (var type in writtenTypes)
            await _staticCacheManager.RemoveByPrefixAsync(EntityPrefix(type));
        await _staticCacheManager.RemoveByPrefixAsync(string.Format(NopCatalogDefaults.ProductPricePrefix, string.Empty));
        await _staticCacheManager.RemoveByPrefixAsync(NopCatalogDefaults.FeaturedProductIdsPrefix);
        await _staticCacheManager.RemoveByPrefixAsync(NopCatalogDefaults.ChildCategoryIdLookupPrefix);
        await _staticCacheManager.RemoveByPrefixAsync(NopCatalogDefaults.FilterableSpecificationAttributeOptionsPrefix);
        await _staticCacheManager.RemoveByPrefixAsync(PresentationModelsPrefix);
    }

    /// <summary><see cref="NopEntityCacheDefaults{TEntity}.Prefix"/> of a runtime type.</summary>
    protected virtual string EntityPrefix(Type entityType) =>
        (string)typeof(NopEntityCacheDefaults<>).MakeGenericType(entityType)
            .GetProperty(nameof(NopEntityCacheDefaults<Nop.Core.BaseEntity>.Prefix))!.GetValue(null)!;
}
