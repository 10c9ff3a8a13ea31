using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class CatalogStoreRegistrationTests
{
    [Test]
    public async Task The_store_resolves_from_what_nopCommerce_registers_and_works()
    {
        var db = new FakeDatabase();
        var services = new ServiceCollection().AddInMemoryNopCatalog(db, new OneCExchangeSettings { PublishEntityEvents = true });
        services.AddOneCCatalogStore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICatalogStore>();

        var result = await store.ApplyAsync(new CatalogBatch("s", [new UpsertProduct { Key = "p", Name = "P" }], []), CancellationToken.None);

        Assert.That(db.Rows<Product>().Single().Id, Is.EqualTo(result.Outcomes[0].EntityId));
    }
}
