using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>The catalog import options of the current settings, with the store's currency and exchange rates.</summary>
public interface ICatalogImportOptionsFactory
{
    Task<CatalogImportOptions> CreateAsync();
}
