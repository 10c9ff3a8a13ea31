using System.Globalization;
using System.Xml.Linq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Synthetic;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Settings;
using OneCExchange.Tests.PluginCatalog.Fakes;
using NopProductPicture = Nop.Core.Domain.Catalog.ProductPicture;
using TierPrice = Nop.Core.Domain.Catalog.TierPrice;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>
/// A generated package (3 price types, 2 warehouses, pictures, variants) through the whole pipeline into the
/// nopCommerce store, with price types mapped to price, tier price and old price; expectations read from the XML.
/// </summary>
public class GeneratedPackageTests
{
    private string _folder = null!;
    private SyntheticPackage _package = null!;
    private StoreHarness _h = null!;
    private XDocument _import = null!, _offers = null!;

    private static readonly CatalogImportOptions Options = new()
    {
        PriceTypeMappings = MappingLines.ParsePriceTypes("Розничная=Price\nОптовая=Tier:Wholesale\nЦена 3=OldPrice").Items,
        CreateWarehouses = true,
        BatchSize = 64,
    };

    [OneTimeSetUp]
    public async Task ImportGeneratedPackage()
    {
        _folder = Directory.CreateTempSubdirectory("onec-nop-package-").FullName;
        _package = SyntheticPackageGenerator.Write(_folder, new SyntheticPackageOptions
        {
            Products = 200, Properties = 5, Images = 2, PriceTypes = 3, Warehouses = 2, VariantsEvery = 10, WriteImageFiles = true
        });
        _import = XDocument.Load(Path.Combine(_folder, "import.xml"));
        _offers = XDocument.Load(Path.Combine(_folder, "offers.xml"));
        _h = new StoreHarness(publishEntityEvents: false);
        await _h.Db.Table<CustomerRole>().InsertAsync(new CustomerRole { Name = "Опт", SystemName = "Wholesale", Active = true });
        await ImportAsync(_h, "s1");
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    private async Task ImportAsync(StoreHarness h, string session)
    {
        var factory = new CatalogFileImportFactory(h.Store, Options, new CatalogSessions());
        foreach (var file in new[] { "import.xml", "offers.xml" })
        {
            using var import = factory.Open(new FileImportRequest(session, ExchangeType.Catalog, _folder, file, 0));
            Assert.That(await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(5), default), Is.True);
            Assert.That(import.Counters.Failed, Is.Zero, string.Join("\n", import.Counters.Messages));
        }
    }

    [Test]
    public void Catalog_lands_whole()
    {
        Assert.That(_h.Db.Rows<Category>(), Has.Count.EqualTo(_package.Groups));
        Assert.That(_h.Db.Rows<Product>(), Has.Count.EqualTo(_package.Products));
        Assert.That(_h.Db.Rows<ProductAttributeCombination>(), Has.Count.EqualTo(_package.Variants));
        Assert.That(_h.Db.Rows<SpecificationAttribute>(), Has.Count.EqualTo(_package.Properties));
        Assert.That(_h.Db.Rows<NopProductPicture>(), Has.Count.EqualTo(_package.ImagesReferenced));
    }

    [Test]
    public void Pictures_hold_the_staged_files_in_1C_order()
    {
        foreach (var product in Local(_import.Root!, "Товар"))
        {
            var productId = MappedId(CatalogEntityKind.Product, Child(product, "Ид")!.Split('#')[0]);
            var files = Local(product, "Картинка").Select(p => File.ReadAllBytes(Path.Combine(_folder, p.Value.Trim()))).ToList();
            var stored = _h.Db.Rows<NopProductPicture>().Where(pp => pp.ProductId == productId).OrderBy(pp => pp.DisplayOrder)
                .Select(pp => _h.Pictures.Binaries[pp.PictureId]).ToList();
            Assert.That(stored, Is.EqualTo(files), Child(product, "Ид"));
        }
    }

    [Test]
    public void Price_types_go_where_the_settings_say_and_stock_per_warehouse()
    {
        var types = Local(_offers.Root!, "ТипЦены").ToDictionary(t => Child(t, "Наименование")!, t => Child(t, "Ид")!);
        var warehouseNames = Local(_offers.Root!, "Склады").SelectMany(s => Local(s, "Склад")).ToDictionary(s => Child(s, "Ид")!, s => Child(s, "Наименование")!);
        var warehouses = _h.Db.Rows<Warehouse>();
        Assert.That(warehouses.Select(w => w.Name), Is.EquivalentTo(warehouseNames.Values));
        Assert.That(warehouses.Select(w => w.AddressId), Is.All.GreaterThan(0));
        Assert.That(warehouses.Select(w => w.AddressId), Is.Unique, "each warehouse has its own address");
        var wholesale = _h.Db.Rows<CustomerRole>().Single().Id;
        var checkedProducts = 0;
        foreach (var offer in Local(_offers.Root!, "Предложение"))
        {
            var id = Child(offer, "Ид")!;
            decimal PriceOf(string type) => Number(Local(offer, "Цена").Single(p => Child(p, "ИдТипаЦены") == types[type]).Element(Ns(offer) + "ЦенаЗаЕдиницу")!.Value);
            if (id.Contains('#'))
            {
                var combination = _h.Row<ProductAttributeCombination>(MappedId(CatalogEntityKind.Variant, id));
                Assert.That(combination.OverriddenPrice, Is.EqualTo(PriceOf("Розничная")), id);
                Assert.That(combination.StockQuantity, Is.EqualTo((int)Number(Child(offer, "Количество")!)), id);
                continue;
            }
            var productId = MappedId(CatalogEntityKind.Product, id);
            var product = _h.Row<Product>(productId);
            Assert.That((product.Price, product.OldPrice), Is.EqualTo((PriceOf("Розничная"), PriceOf("Цена 3"))), id);
            Assert.That(_h.Db.Rows<TierPrice>().Where(t => t.ProductId == productId).Select(t => (t.CustomerRoleId, t.Quantity, t.Price)),
                Is.EqualTo(new[] { ((int?)wholesale, 1, PriceOf("Оптовая")) }), id);
            var expectedStock = Local(offer, "Склад").Where(s => s.Attribute("ИдСклада") != null).Select(s =>
                (warehouseNames[s.Attribute("ИдСклада")!.Value], (int)Number(s.Attribute("КоличествоНаСкладе")!.Value)));
            var stored = _h.Db.Rows<ProductWarehouseInventory>().Where(w => w.ProductId == productId)
                .Select(w => (warehouses.Single(x => x.Id == w.WarehouseId).Name, w.StockQuantity));
            Assert.That(stored, Is.EquivalentTo(expectedStock), id);
            Assert.That(product.UseMultipleWarehouses, Is.True, id);
            checkedProducts++;
        }
        Assert.That(checkedProducts, Is.GreaterThan(0));
    }

    [Test]
    public async Task Importing_the_package_again_changes_nothing()
    {
        var h = new StoreHarness(publishEntityEvents: false);
        await h.Db.Table<CustomerRole>().InsertAsync(new CustomerRole { SystemName = "Wholesale" });
        await ImportAsync(h, "s1");
        var products = h.Db.Rows<Product>().Select(p => (p.Id, p.Name, p.Price, p.OldPrice, p.StockQuantity, p.UpdatedOnUtc)).ToList();
        var rows = (h.Db.Rows<NopProductPicture>().Count, h.Db.Rows<TierPrice>().Count, h.Db.Rows<ProductWarehouseInventory>().Count,
            h.Db.Rows<ProductAttributeCombination>().Count, h.Db.Rows<ProductSpecificationAttribute>().Count);
        h.Db.ResetCounters();

        await ImportAsync(h, "s2");

        Assert.That(h.Db.Rows<Product>().Select(p => (p.Id, p.Name, p.Price, p.OldPrice, p.StockQuantity, p.UpdatedOnUtc)), Is.EqualTo(products));
        Assert.That((h.Db.Rows<NopProductPicture>().Count, h.Db.Rows<TierPrice>().Count, h.Db.Rows<ProductWarehouseInventory>().Count,
            h.Db.Rows<ProductAttributeCombination>().Count, h.Db.Rows<ProductSpecificationAttribute>().Count), Is.EqualTo(rows));
        var writes = h.Db.RoundTripsByOperation.Keys.Where(k => !k.EndsWith(".GetAllAsync") && !k.StartsWith("OneCMapping.")).ToList();
        Assert.That(writes, Is.Empty, "skipped by hash or unchanged: only the mapping table's last-seen session is written");
        Assert.That(h.Pictures.Binaries, Has.Count.EqualTo(_package.ImagesReferenced), "no picture uploaded again");
    }

    private int MappedId(CatalogEntityKind kind, string key) =>
        _h.Db.Rows<OneCMapping>().Single(m => m.EntityTypeId == CatalogMappingTypes.IdOf(kind) && m.OneCId == key).EntityId;

    private static XNamespace Ns(XElement e) => e.Name.Namespace;

    private static IEnumerable<XElement> Local(XElement e, string name) => e.Descendants().Where(c => c.Name.LocalName == name);

    private static string? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value.Trim();

    private static decimal Number(string text) => decimal.Parse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
}
