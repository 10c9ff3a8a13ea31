namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>How the catalog store writes, from the plugin settings.</summary>
public sealed record CatalogStoreOptions
{
    /// <summary>
    /// Publish nopCommerce entity events for every row written (other plugins, e.g. search indexes, stay in sync; each
    /// event also clears caches one entity at a time), or write silently and clear the caches once per batch (faster).
    /// </summary>
    public bool PublishEntityEvents { get; init; } = true;
}
