using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using Nop.Core.Events;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Services.Catalog;
using Nop.Services.Media;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class CatalogStoreRegistrationTests
{
    [Test]
    public async Task The_store_resolves_from_what_nopCommerce_registers_and_works()
    {
        // What nopCommerce provides: IRepository<> for every entity, services, settings.
        var services = new ServiceCollection();
        var db = new FakeDatabase();
        services.AddSingleton(db);
        services.AddSingleton(typeof(IRepository<>), typeof(InMemoryRepository<>));
        services.AddSingleton<IPictureService>(new FakePictureService(db));
        services.AddSingleton<IProductAttributeParser, FakeProductAttributeParser>();
        services.AddSingleton<IEventPublisher, FakeEventPublisher>();
        services.AddSingleton<IStaticCacheManager, FakeStaticCacheManager>();
        services.AddSingleton<INopDataProvider>(new FakeDataProvider());
        services.AddSingleton(new CatalogSettings());
        services.AddSingleton(new SeoSettings());
        services.AddSingleton(new OneCExchangeSettings { PublishEntityEvents = true });

        services.AddOneCCatalogStore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICatalogStore>();

        var result = await store.ApplyAsync(new CatalogBatch("s", [new UpsertProduct { Key = "p", Name = "P" }], []), CancellationToken.None);

        Assert.That(db.Rows<Product>().Single().Id, Is.EqualTo(result.Outcomes[0].EntityId));
    }
}
