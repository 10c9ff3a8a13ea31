using Microsoft.Extensions.DependencyInjection;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Registers the nopCommerce catalog store and its parts (scoped, like the nopCommerce services they use).</summary>
public static class CatalogStoreServices
{
    public static IServiceCollection AddOneCCatalogStore(this IServiceCollection services)
    {
        services.AddScoped<SetBasedUpdater>();
        services.AddScoped<OneCMappingTable>();
        services.AddScoped<SlugWriter>();
        services.AddScoped<CatalogReferenceWriter>();
        services.AddScoped<CatalogProductWriter>();
        services.AddScoped<CatalogPictureWriter>();
        services.AddScoped<CatalogVariantWriter>();
        services.AddScoped<CatalogOfferWriter>();
        services.AddScoped<CatalogUnpublishWriter>();
        services.AddScoped<CatalogCacheCleaner>();
        services.AddScoped<ICatalogStore, NopCatalogStore>();
        return services;
    }
}
