using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using Nop.Core.Events;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Services.Catalog;
using Nop.Services.Media;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>What nopCommerce registers for the catalog store: IRepository&lt;&gt; for every entity, services, settings (in-memory fakes).</summary>
public static class NopCatalogServices
{
    public static IServiceCollection AddInMemoryNopCatalog(this IServiceCollection services, FakeDatabase db, OneCExchangeSettings settings)
    {
        services.AddSingleton(db);
        services.AddSingleton(typeof(IRepository<>), typeof(InMemoryRepository<>));
        services.AddSingleton<IPictureService>(new FakePictureService(db));
        services.AddSingleton<IProductAttributeParser, FakeProductAttributeParser>();
        services.AddSingleton<IEventPublisher, FakeEventPublisher>();
        services.AddSingleton<IStaticCacheManager, FakeStaticCacheManager>();
        services.AddSingleton<INopDataProvider>(new FakeDataProvider());
        services.AddSingleton(new CatalogSettings());
        services.AddSingleton(new SeoSettings());
        services.AddSingleton(settings);
        return services;
    }
}
