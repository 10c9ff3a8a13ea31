using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Messages;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.CommerceMl;

/// <summary>
/// Every real 1C catalog file of the corpus is read without error, and what the reader yields matches what an
/// independent XDocument walk over the same file finds (by local name, so every namespace variant counts).
/// </summary>
public class CorpusReaderTests
{
    private static IEnumerable<string> CatalogFiles() => CorpusFiles.In("catalog");

    [TestCaseSource(nameof(CatalogFiles))]
    public void Reads_every_item_of_the_file(string name)
    {
        var path = CorpusFiles.Resolve("catalog", name);
        var records = ReadAll(path, out _);
        var doc = XDocument.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(records[0], Is.InstanceOf<DocumentHeader>());
            Assert.That(((DocumentHeader)records[0]).SchemaVersion, Is.EqualTo(doc.Root!.Attribute("ВерсияСхемы")!.Value));
            Assert.That(Ids<Group>(records, g => g.Id), Is.EqualTo(ItemIds(doc, "Группа", "Группы")), "groups");
            Assert.That(Ids<PropertyDefinition>(records, p => p.Id),
                Is.EqualTo(ItemIds(doc, "Свойство", "Свойства").Concat(ItemIds(doc, "СвойствоНоменклатуры", "Свойства"))
                    .Order(StringComparer.Ordinal)).Using<IEnumerable<string>>((a, b) => a.Order(StringComparer.Ordinal).SequenceEqual(b)),
                "properties");
            Assert.That(Ids<PriceType>(records, p => p.Id), Is.EqualTo(ItemIds(doc, "ТипЦены", "ТипыЦен")), "price types");
            Assert.That(Ids<Warehouse>(records, w => w.Id), Is.EqualTo(ItemIds(doc, "Склад", "Склады")), "warehouses");
            Assert.That(records.OfType<UnitOfMeasure>().Count(), Is.EqualTo(Elements(doc, "ЕдиницаИзмерения").Count(e => Parent(e) == "ЕдиницыИзмерения")), "units");
            Assert.That(Ids<Product>(records, p => p.Id), Is.EqualTo(ItemIds(doc, "Товар", "Товары")), "products");
            Assert.That(Ids<Offer>(records, o => o.Id), Is.EqualTo(ItemIds(doc, "Предложение", "Предложения")), "offers");
        });
    }

    [TestCaseSource(nameof(CatalogFiles))]
    public void Groups_form_the_tree_of_the_file_with_parents_first(string name)
    {
        var path = CorpusFiles.Resolve("catalog", name);
        var groups = ReadAll(path, out _).OfType<Group>().ToList();
        var expected = Elements(XDocument.Load(path), "Группа").Where(e => Parent(e) == "Группы")
            .ToDictionary(e => Child(e, "Ид")!, e => e.Parent!.Parent is { } p && p.Name.LocalName == "Группа" ? Child(p, "Ид") : null);
        var seen = new HashSet<string>();
        foreach (var group in groups)
        {
            Assert.That(group.ParentId, Is.EqualTo(expected[group.Id]), $"parent of {group.Id}");
            if (group.ParentId != null)
                Assert.That(seen, Does.Contain(group.ParentId), $"{group.Id} comes after its parent");
            seen.Add(group.Id);
        }
    }

    [TestCaseSource(nameof(CatalogFiles))]
    public void Product_details_match_the_file(string name)
    {
        var path = CorpusFiles.Resolve("catalog", name);
        var products = ReadAll(path, out _).OfType<Product>().ToList();
        var elements = Elements(XDocument.Load(path), "Товар").Where(e => Parent(e) == "Товары").ToList();
        Assert.That(products, Has.Count.EqualTo(elements.Count));
        for (var i = 0; i < products.Count; i++)
        {
            var (product, element) = (products[i], elements[i]);
            Assert.Multiple(() =>
            {
                Assert.That(product.Name, Is.EqualTo(Child(element, "Наименование") ?? ""), "name");
                Assert.That(product.Sku, Is.EqualTo(NullIfEmpty(Child(element, "Артикул"))), "sku");
                Assert.That(product.GroupIds, Is.EqualTo(Children(element, "Группы").SelectMany(g => Children(g, "Ид")).Select(e => e.Value.Trim())), "groups");
                Assert.That(product.Images.Select(p => p.Path), Is.EqualTo(Children(element, "Картинка").Select(e => e.Value.Trim()).Where(v => v.Length > 0)), "images");
                Assert.That(product.PropertyValues.Select(v => v.PropertyId),
                    Is.EqualTo(Children(element, "ЗначенияСвойств").SelectMany(g => Children(g, "ЗначенияСвойства")).Select(e => Child(e, "Ид"))), "property values");
                Assert.That(product.Requisites.Count, Is.EqualTo(Children(element, "ЗначенияРеквизитов").SelectMany(g => Children(g, "ЗначениеРеквизита")).Count()), "requisites");
                Assert.That(product.TaxRates.Count, Is.EqualTo(Children(element, "СтавкиНалогов").SelectMany(g => Children(g, "СтавкаНалога")).Count()), "tax rates");
                var deleted = element.Attribute("Статус")?.Value == "Удален" || Child(element, "ПометкаУдаления") == "true";
                Assert.That(product.IsDeleted, Is.EqualTo(deleted), "deleted");
                Assert.That(product.Manufacturer?.Name, Is.EqualTo(Children(element, "Изготовитель").Select(m => Child(m, "Наименование")).FirstOrDefault()), "manufacturer");
            });
        }
    }

    [TestCaseSource(nameof(CatalogFiles))]
    public void Offer_prices_and_stock_match_the_file(string name)
    {
        var path = CorpusFiles.Resolve("catalog", name);
        var offers = ReadAll(path, out _).OfType<Offer>().ToList();
        var elements = Elements(XDocument.Load(path), "Предложение").Where(e => Parent(e) == "Предложения").ToList();
        Assert.That(offers, Has.Count.EqualTo(elements.Count));
        for (var i = 0; i < offers.Count; i++)
        {
            var (offer, element) = (offers[i], elements[i]);
            var id = Child(element, "Ид")!;
            var prices = Children(element, "Цены").SelectMany(c => Children(c, "Цена")).ToList();
            var attributeStocks = Children(element, "Склад").Select(s => (s.Attribute("ИдСклада")!.Value, Parse(s.Attribute("КоличествоНаСкладе")!.Value)));
            var restStocks = Children(element, "Остатки").SelectMany(r => Children(r, "Остаток")).SelectMany(r => Children(r, "Склад"))
                .Select(s => (Child(s, "Ид")!, Parse(Child(s, "Количество")!)));
            Assert.Multiple(() =>
            {
                Assert.That(offer.ProductId, Is.EqualTo(id.Split('#')[0]), "product id");
                Assert.That(offer.CharacteristicId, Is.EqualTo(id.Contains('#') && id.Split('#')[1].Length > 0 ? id.Split('#')[1] : null), "characteristic id");
                Assert.That(offer.Prices.Select(p => (p.PriceTypeId, p.PricePerUnit)),
                    Is.EqualTo(prices.Select(p => (Child(p, "ИдТипаЦены")!, Parse(Child(p, "ЦенаЗаЕдиницу")!)))), "prices");
                Assert.That(offer.Stocks.Select(s => (s.WarehouseId, s.Quantity)), Is.EqualTo(attributeStocks.Concat(restStocks)), "stocks");
                var quantity = Child(element, "Количество");
                if (quantity != null)
                    Assert.That(offer.Quantity, Is.EqualTo(Parse(quantity)), "total quantity");
                Assert.That(offer.IsDeleted, Is.EqualTo(Child(element, "ПометкаУдаления") == "true"), "deleted");
                Assert.That(offer.HasPrices, Is.EqualTo(Children(element, "Цены").Any()), "has prices");
            });
        }
    }

    [TestCaseSource(nameof(CatalogFiles))]
    public void Section_headers_carry_the_changes_only_flag(string name)
    {
        var path = CorpusFiles.Resolve("catalog", name);
        var records = ReadAll(path, out _);
        var doc = XDocument.Load(path);
        bool Flag(string section) => doc.Root!.Elements().Where(e => e.Name.LocalName == section)
            .Select(e => (e.Attribute("СодержитТолькоИзменения")?.Value ?? Child(e, "СодержитТолькоИзменения")) == "true").SingleOrDefault();
        Assert.Multiple(() =>
        {
            foreach (var header in records.OfType<CatalogHeader>())
                Assert.That(header.ContainsOnlyChanges, Is.EqualTo(Flag("Каталог")), "Каталог");
            foreach (var header in records.OfType<OfferPackageHeader>())
                Assert.That(header.ContainsOnlyChanges, Is.EqualTo(Flag("ПакетПредложений")), "ПакетПредложений");
            foreach (var header in records.OfType<ClassifierHeader>())
                Assert.That(header.ContainsOnlyChanges, Is.EqualTo(Flag("Классификатор")), "Классификатор");
            Assert.That(records.OfType<CatalogHeader>().Count(), Is.EqualTo(doc.Root!.Elements().Count(e => e.Name.LocalName == "Каталог")));
            Assert.That(records.OfType<OfferPackageHeader>().Count(), Is.EqualTo(doc.Root!.Elements().Count(e => e.Name.LocalName == "ПакетПредложений")));
        });
    }

    [Test]
    public void A_3_1_package_read_in_layout_order_resolves_every_property_value()
    {
        var corpus = TestPaths.CorpusOrSkip("catalog");
        var folder = Path.Combine(Path.GetTempPath(), "onec-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var layout = new Dictionary<string, string>
            {
                ["import.xml"] = "import", ["properties/1/import.xml"] = "properties_1_import", ["properties/1/offers.xml"] = "properties_1_offers",
                ["goods/1/import.xml"] = "goods_1_import", ["goods/1/offers.xml"] = "goods_1_offers",
                ["goods/1/prices.xml"] = "goods_1_prices", ["goods/1/rests.xml"] = "goods_1_rests",
            };
            foreach (var (target, source) in layout)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, target))!);
                File.Copy(Path.Combine(corpus, $"irpsv__commerceml__bitrix-module-6__{source}.xml"), Path.Combine(folder, target));
            }
            var context = new ClassifierContext();
            var values = new List<PropertyValue>();
            var warnings = new List<CommerceMlWarning>();
            foreach (var file in PackageLayout.OrderFolder(folder))
            {
                using var reader = CommerceMlReader.Open(Path.Combine(folder, file), context);
                while (reader.Read())
                {
                    if (reader.Current is Product product) values.AddRange(product.PropertyValues);
                    if (reader.Current is Offer offer) values.AddRange(offer.PropertyValues);
                }
                warnings.AddRange(reader.Warnings);
            }
            Assert.That(values, Is.Not.Empty);
            Assert.That(values.Where(v => v.PropertyName == null), Is.Empty, "every property is defined by the package's classifier files");
            Assert.That(warnings.Where(w => w.Message.Key == MessageKeys.ReaderPropertyNotDefined), Is.Empty);
            var references = values.Where(v => v.ValueType == PropertyValueType.Reference).SelectMany(v => v.Values).ToList();
            Assert.That(references, Is.Not.Empty);
            Assert.That(references.All(r => r.ReferenceValueId != null && r.Text != r.ReferenceValueId), Is.True, "reference ids resolved to their text");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static List<CommerceMlRecord> ReadAll(string path, out List<CommerceMlWarning> warnings)
    {
        using var reader = CommerceMlReader.Open(path);
        var records = new List<CommerceMlRecord>();
        while (reader.Read())
            records.Add(reader.Current);
        warnings = reader.Warnings.ToList();
        return records;
    }

    private static IEnumerable<string> Ids<T>(List<CommerceMlRecord> records, Func<T, string> id) => records.OfType<T>().Select(id);

    private static IEnumerable<XElement> Elements(XDocument doc, string localName) =>
        doc.Descendants().Where(e => e.Name.LocalName == localName);

    private static IEnumerable<string> ItemIds(XDocument doc, string item, string collection) =>
        Elements(doc, item).Where(e => Parent(e) == collection).Select(e => Child(e, "Ид")).Where(id => !string.IsNullOrEmpty(id))!;

    private static string? Parent(XElement e) => e.Parent?.Name.LocalName;

    private static IEnumerable<XElement> Children(XElement e, string localName) => e.Elements().Where(c => c.Name.LocalName == localName);

    private static string? Child(XElement e, string localName) => Children(e, localName).FirstOrDefault()?.Value.Trim();

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static decimal Parse(string s) => decimal.Parse(s.Replace(" ", "").Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
}
