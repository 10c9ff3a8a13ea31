using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// The catalog store of the request being served. A catalog import stays open across 1C's mode=import requests, so it
/// must not keep the nopCommerce services of the request that opened it (their scope is gone by the next step): each
/// call goes to the store resolved in the current request's scope.
/// </summary>
public class RequestScopedCatalogStore : ICatalogStore
{
    #region Fields

    protected readonly IHttpContextAccessor _httpContextAccessor;

    #endregion

    #region Ctor

    public RequestScopedCatalogStore(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    #endregion

    protected virtual ICatalogStore Current =>
        _httpContextAccessor.HttpContext?.RequestServices.GetRequiredService<ICatalogStore>()
        ?? throw new InvalidOperationException("The 1C catalog store is used outside of an exchange request.");

    public virtual IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind, CancellationToken cancellationToken) =>
        Current.ReadMappingsAsync(kind, cancellationToken);

    public virtual Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken) =>
        Current.ApplyAsync(batch, cancellationToken);

    public virtual Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        Current.FindTakenSlugsAsync(slugs, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken) =>
        Current.FindProductsBySkuAsync(skus, cancellationToken);

    public virtual Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
        CancellationToken cancellationToken) =>
        Current.UnpublishNotSeenAsync(sessionId, kinds, cancellationToken);

    public virtual Task<int?> CountSeenAsync(string sessionId, CatalogEntityKind kind, CancellationToken cancellationToken) =>
        Current.CountSeenAsync(sessionId, kind, cancellationToken);
}
