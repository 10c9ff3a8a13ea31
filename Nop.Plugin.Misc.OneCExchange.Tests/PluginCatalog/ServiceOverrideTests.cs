using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Nop.Core.Domain.Catalog;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>
/// Another plugin changes one step of the catalog import as nopCommerce's services are overridden: it derives from the
/// plugin's writer, overrides a protected virtual step and registers the derived type in its own INopStartup, which
/// nopCommerce runs after the plugin's (a higher Order).
/// </summary>
public class ServiceOverrideTests
{
    /// <summary>The other plugin's writer: products created from 1C take no customer reviews.</summary>
    public class NoReviewsProductWriter : CatalogProductWriter
    {
        public NoReviewsProductWriter(IRepository<Product> products, IRepository<ProductCategory> productCategories,
            IRepository<ProductManufacturer> productManufacturers, IRepository<ProductSpecificationAttribute> productSpecifications,
            OneCMappingTable mappingTable, SlugWriter slugWriter)
            : base(products, productCategories, productManufacturers, productSpecifications, mappingTable, slugWriter)
        {
        }

        protected override Product NewProduct(CatalogBatchContext context, UpsertProduct command)
        {
            var product = base.NewProduct(context, command);
            product.AllowCustomerReviews = false;
            return product;
        }
    }

    public class ExtensionStartup : INopStartup
    {
        public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
            services.AddScoped<CatalogProductWriter, NoReviewsProductWriter>();

        public void Configure(IApplicationBuilder application)
        {
        }

        public int Order => new NopStartup().Order + 1;
    }

    private string _folder = null!;

    [SetUp]
    public void CopyDemoPackage()
    {
        _folder = Directory.CreateTempSubdirectory("onec-override-").FullName;
        var demo = Path.Combine(TestPaths.Samples, "demo-package");
        foreach (var file in Directory.EnumerateFiles(demo, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(demo, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_writer_registered_by_another_plugin_runs_in_the_import()
    {
        var db = await ImportDemoCatalogAsync(new NopStartup(), new ExtensionStartup());

        var products = db.Rows<Product>().ToList();
        Assert.That(products, Has.Count.EqualTo(5), "the demo package's products");
        Assert.That(products.Select(p => p.AllowCustomerReviews), Is.All.False);
    }

    [Test]
    public async Task Without_the_extension_the_plugin_writer_runs()
    {
        var db = await ImportDemoCatalogAsync(new NopStartup());

        var products = db.Rows<Product>().ToList();
        Assert.That(products, Has.Count.EqualTo(5));
        Assert.That(products.Select(p => p.AllowCustomerReviews), Is.All.True, "the plugin's own writer allows reviews");
    }

    /// <summary>
    /// The demo package's import.xml through Core's import into the catalog store resolved from the startups' registrations,
    /// run in nopCommerce's order (by INopStartup.Order); nopCommerce's own services are in-memory fakes.
    /// </summary>
    private async Task<FakeDatabase> ImportDemoCatalogAsync(params INopStartup[] startups)
    {
        var db = new FakeDatabase();
        var services = new ServiceCollection().AddInMemoryNopCatalog(db, new OneCExchangeSettings());
        var configuration = new ConfigurationBuilder().Build();
        foreach (var startup in startups.OrderBy(s => s.Order))
            startup.ConfigureServices(services, configuration);

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICatalogStore>();
        var factory = new CatalogFileImportFactory(store, new CatalogImportOptions(), new CatalogSessions());
        using var import = factory.Open(new FileImportRequest("s1", ExchangeType.Catalog, _folder, "import.xml", 0));
        Assert.That(await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None), Is.True);
        Assert.That(import.Counters.Failed, Is.Zero, string.Join("\n", import.Counters.Messages));
        return db;
    }
}
