using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>The nopCommerce catalog store wired to in-memory fakes of the repositories and services it uses.</summary>
public sealed class StoreHarness
{
    public const string Session = "session-1";

    public FakeDatabase Db { get; } = new();
    public FakePictureService Pictures { get; }
    public FakeEventPublisher Events { get; } = new();
    public RecordingCacheCleaner CacheCleaner { get; } = new();
    public SeoSettings SeoSettings { get; } = new() { ReservedUrlRecordSlugs = ["login", "cart"] };
    public NopCatalogStore Store { get; }

    /// <summary>Plain SQL the store ran (none with the default "InMemory" provider, where it uses the repositories).</summary>
    public FakeDataProvider DataProvider { get; }

    public StoreHarness(bool publishEntityEvents = true, string dataProviderName = "InMemory")
    {
        Pictures = new FakePictureService(Db);
        DataProvider = new FakeDataProvider(dataProviderName);
        var updater = new ConventionNamedUpdater(DataProvider, Events);
        var mappingTable = new OneCMappingTable(Db.Table<OneCMapping>(), updater);
        var slugs = new SlugWriter(Db.Table<UrlRecord>());
        var catalogSettings = new CatalogSettings
        {
            DefaultCategoryPageSize = 6, DefaultCategoryPageSizeOptions = "6, 3, 9",
            DefaultManufacturerPageSize = 6, DefaultManufacturerPageSizeOptions = "6, 3, 9"
        };
        var references = new CatalogReferenceWriter(Db.Table<Category>(), Db.Table<Manufacturer>(),
            Db.Table<SpecificationAttribute>(), Db.Table<SpecificationAttributeOption>(),
            Db.Table<Nop.Core.Domain.Tax.TaxCategory>(), Db.Table<Nop.Core.Domain.Shipping.Warehouse>(),
            Db.Table<Nop.Core.Domain.Common.Address>(), slugs, catalogSettings);
        var products = new CatalogProductWriter(Db.Table<Product>(), Db.Table<ProductCategory>(),
            Db.Table<ProductManufacturer>(), Db.Table<ProductSpecificationAttribute>(), mappingTable, slugs);
        var pictures = new CatalogPictureWriter(Pictures, Db.Table<Nop.Core.Domain.Media.Picture>(), Db.Table<Nop.Core.Domain.Media.PictureBinary>(),
            Db.Table<Nop.Core.Domain.Catalog.ProductPicture>(), mappingTable);
        var variants = new CatalogVariantWriter(Db.Table<ProductAttribute>(), Db.Table<ProductAttributeMapping>(),
            Db.Table<ProductAttributeValue>(), Db.Table<ProductAttributeCombination>(), new FakeProductAttributeParser(), products);
        var offers = new CatalogOfferWriter(Db.Table<Nop.Core.Domain.Catalog.TierPrice>(),
            Db.Table<Nop.Core.Domain.Customers.CustomerRole>(), Db.Table<ProductWarehouseInventory>(),
            Db.Table<ProductAttributeCombination>(), products, variants);
        var unpublish = new CatalogUnpublishWriter(Db.Table<Category>(), Db.Table<Manufacturer>(), products, variants);
        Store = new NopCatalogStore(mappingTable, references, products, pictures, variants, offers, unpublish, CacheCleaner,
            Events, Db.Table<UrlRecord>(), Db.Table<Product>(), Db.Table<Category>(), SeoSettings,
            new Nop.Plugin.Misc.OneCExchange.OneCExchangeSettings { PublishEntityEvents = publishEntityEvents }, updater);
    }

    public Task<CatalogBatchResult> ApplyAsync(params CatalogCommand[] commands) => ApplyAsync(Session, commands);

    public Task<CatalogBatchResult> ApplyAsync(string session, CatalogCommand[] commands, params EntityKey[] unchanged) =>
        Store.ApplyAsync(new CatalogBatch(session, commands, unchanged), CancellationToken.None);

    /// <summary>Applies one command and returns the id of the entity it wrote.</summary>
    public async Task<int> IdOf(CatalogCommand command) => (await ApplyAsync(command)).Outcomes[0].EntityId;

    public OneCMapping? Mapping(CatalogEntityKind kind, string key) =>
        Db.Rows<OneCMapping>().SingleOrDefault(m => m.EntityTypeId == CatalogMappingTypes.IdOf(kind) && m.OneCId == key);

    public T Row<T>(int id) where T : Nop.Core.BaseEntity => Db.Rows<T>().Single(e => e.Id == id);
}
