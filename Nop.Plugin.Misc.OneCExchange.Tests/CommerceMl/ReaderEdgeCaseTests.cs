using System.Text;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl;
using static OneCExchange.Tests.CommerceMl.ReaderFixture;

namespace OneCExchange.Tests.CommerceMl;

/// <summary>One inline fixture per edge the issue names: namespaces, encodings, groups, references, variants, stock forms...</summary>
public class ReaderEdgeCaseTests
{
    private const string Classifier = """
        <Классификатор>
          <Ид>cls-1</Ид><Наименование>Классификатор</Наименование>
          <Группы><Группа><Ид>g-1</Ид><Наименование>Обувь</Наименование></Группа></Группы>
          <Свойства>
            <Свойство><Ид>p-color</Ид><Наименование>Цвет</Наименование><ТипЗначений>Справочник</ТипЗначений>
              <ВариантыЗначений>
                <Справочник><ИдЗначения>v-red</ИдЗначения><Значение>Красный</Значение></Справочник>
                <Справочник><ИдЗначения>v-blue</ИдЗначения><Значение>Синий</Значение></Справочник>
              </ВариантыЗначений>
            </Свойство>
            <Свойство><Ид>p-len</Ид><Наименование>Длина</Наименование><ТипЗначений>Число</ТипЗначений></Свойство>
          </Свойства>
        </Классификатор>
        """;

    private const string Catalog = """
        <Каталог СодержитТолькоИзменения="false">
          <Ид>cat-1</Ид><ИдКлассификатора>cls-1</ИдКлассификатора><Наименование>Каталог</Наименование>
          <Товары>
            <Товар>
              <Ид>prod-1</Ид><Артикул>A-1</Артикул><Наименование>Сапоги</Наименование>
              <Группы><Ид>g-1</Ид></Группы>
              <ЗначенияСвойств>
                <ЗначенияСвойства><Ид>p-color</Ид><Значение>v-red</Значение><Значение>v-blue</Значение></ЗначенияСвойства>
                <ЗначенияСвойства><Ид>p-len</Ид><Значение>1 234,5</Значение></ЗначенияСвойства>
              </ЗначенияСвойств>
            </Товар>
          </Товары>
        </Каталог>
        """;

    [TestCase("")]
    [TestCase("urn:1C.ru:commerceml_2")]
    [TestCase("urn:1C.ru:commerceml_210")]
    [TestCase("urn:1C.ru:commerceml_3")]
    public void Every_namespace_variant_gives_the_same_records(string ns)
    {
        var result = Read(Document(Classifier + Catalog, ns));
        var product = result.Single<Product>();
        Assert.Multiple(() =>
        {
            Assert.That(result.Single<DocumentHeader>().Namespace, Is.EqualTo(ns));
            Assert.That(result.All<Group>().Select(g => g.Name), Is.EqualTo(new[] { "Обувь" }));
            Assert.That(result.All<PropertyDefinition>(), Has.Count.EqualTo(2));
            Assert.That(product.Name, Is.EqualTo("Сапоги"));
            Assert.That(product.GroupIds, Is.EqualTo(new[] { "g-1" }));
            Assert.That(product.PropertyValues, Has.Count.EqualTo(2));
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Reference_values_are_resolved_against_the_classifier()
    {
        var product = Read(Document(Classifier + Catalog)).Single<Product>();
        var color = product.PropertyValues.Single(v => v.PropertyId == "p-color");
        var length = product.PropertyValues.Single(v => v.PropertyId == "p-len");
        Assert.Multiple(() =>
        {
            Assert.That(color.PropertyName, Is.EqualTo("Цвет"));
            Assert.That(color.ValueType, Is.EqualTo(PropertyValueType.Reference));
            Assert.That(color.Values, Is.EqualTo(new[] { new PropertyValueItem("Красный", "v-red"), new PropertyValueItem("Синий", "v-blue") }));
            Assert.That(length.ValueType, Is.EqualTo(PropertyValueType.Number));
            Assert.That(length.Values.Single().Text, Is.EqualTo("1 234,5"));
        });
    }

    [Test]
    public void A_context_carries_the_classifier_of_an_earlier_file_to_the_goods_file()
    {
        var context = new ClassifierContext();
        Read(Document(Classifier), context);
        var result = Read(Document(Catalog), context);
        Assert.That(result.Single<Product>().PropertyValues.Single(v => v.PropertyId == "p-color").Values[0].Text, Is.EqualTo("Красный"));
        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void Unknown_property_and_unknown_reference_value_are_kept_with_warnings()
    {
        var catalog = Catalog.Replace("<Значение>v-blue</Значение>", "<Значение>v-green</Значение>")
            .Replace("<Ид>p-len</Ид>", "<Ид>p-unknown</Ид>");
        var result = Read(Document(Classifier + catalog));
        var product = result.Single<Product>();
        var unknown = product.PropertyValues.Single(v => v.PropertyId == "p-unknown");
        Assert.Multiple(() =>
        {
            Assert.That(unknown.PropertyName, Is.Null);
            Assert.That(unknown.Values.Single().Text, Is.EqualTo("1 234,5"));
            Assert.That(product.PropertyValues.Single(v => v.PropertyId == "p-color").Values[1], Is.EqualTo(new PropertyValueItem("v-green", "v-green")));
            Assert.That(result.Warnings.Select(w => w.Message.ToString()), Has.Some.Contains("p-unknown").And.Some.Contains("v-green"));
            Assert.That(result.Warnings.All(w => w.Location.File == Name && w.Location.Line > 1), Is.True);
        });
    }

    [Test]
    public void Deep_groups_come_as_a_tree_with_parents_first()
    {
        const int depth = 7;
        var xml = new StringBuilder("<Классификатор><Ид>c</Ид><Группы>");
        for (var i = 0; i < depth; i++)
            xml.Append($"<Группа><Ид>g{i}</Ид><Наименование>Уровень {i}</Наименование><Группы>");
        xml.Append("<Группа><Ид>leaf-sibling</Ид><Наименование>Лист</Наименование></Группа>");
        for (var i = 0; i < depth; i++)
            xml.Append("</Группы></Группа>");
        xml.Append("<Группа><Ид>top-2</Ид><Наименование>Вторая</Наименование><Группы/></Группа></Группы></Классификатор>");

        var groups = Read(Document(xml.ToString())).All<Group>();
        Assert.Multiple(() =>
        {
            Assert.That(groups.Select(g => g.Id), Is.EqualTo(Enumerable.Range(0, depth).Select(i => $"g{i}").Append("leaf-sibling").Append("top-2")));
            Assert.That(groups.Select(g => g.Depth), Is.EqualTo(Enumerable.Range(0, depth + 1).Append(0)));
            Assert.That(groups.Select(g => g.ParentId), Is.EqualTo(new string?[] { null }.Concat(Enumerable.Range(0, depth).Select(i => $"g{i}")).Append(null)));
        });
    }

    [Test]
    public void Offer_ids_with_a_characteristic_and_ИдХарактеристики_fill_the_characteristic()
    {
        var result = Read(Document("""
            <ПакетПредложений><Ид>pp</Ид><Предложения>
              <Предложение><Ид>P1#C1</Ид><Наименование>Сапоги (38)</Наименование>
                <ХарактеристикиТовара><ХарактеристикаТовара><Наименование>Размер</Наименование><Значение>38</Значение></ХарактеристикаТовара></ХарактеристикиТовара>
              </Предложение>
              <Предложение><Ид>P2</Ид><ИдХарактеристики>C2</ИдХарактеристики></Предложение>
              <Предложение><Ид>P3</Ид></Предложение>
              <Предложение><Ид>P4#</Ид></Предложение>
            </Предложения></ПакетПредложений>
            """));
        var offers = result.All<Offer>();
        Assert.Multiple(() =>
        {
            Assert.That(offers.Select(o => (o.ProductId, o.CharacteristicId)),
                Is.EqualTo(new (string, string?)[] { ("P1", "C1"), ("P2", "C2"), ("P3", null), ("P4", null) }));
            Assert.That(offers[0].Characteristics.Single(), Is.EqualTo(new Characteristic(null, "Размер", "38")));
        });
    }

    [Test]
    public void Every_stock_form_gives_warehouse_stock()
    {
        var offers = Read(Document("""
            <ПакетПредложений><Предложения>
              <Предложение><Ид>total</Ид><Количество>5</Количество></Предложение>
              <Предложение><Ид>attributes</Ид><Количество>7</Количество>
                <Склад ИдСклада="w1" КоличествоНаСкладе="3"/><Склад ИдСклада="w2" КоличествоНаСкладе="4"/></Предложение>
              <Предложение><Ид>rests</Ид><Остатки>
                <Остаток><Склад><Ид>w1</Ид><Количество>1,5</Количество></Склад></Остаток>
                <Остаток><Склад><Ид>w2</Ид><Количество>2</Количество></Склад></Остаток></Остатки></Предложение>
              <Предложение><Ид>rest-total</Ид><Остатки><Остаток><Количество>9</Количество></Остаток></Остатки></Предложение>
              <Предложение><Ид>no-stock</Ид><Наименование>Только имя</Наименование></Предложение>
            </Предложения></ПакетПредложений>
            """)).All<Offer>();
        Assert.Multiple(() =>
        {
            Assert.That(offers[0].Quantity, Is.EqualTo(5m));
            Assert.That(offers[0].Stocks, Is.Empty);
            Assert.That(offers[1].Quantity, Is.EqualTo(7m));
            Assert.That(offers[1].Stocks, Is.EqualTo(new[] { new WarehouseStock("w1", 3), new WarehouseStock("w2", 4) }));
            Assert.That(offers[2].Stocks, Is.EqualTo(new[] { new WarehouseStock("w1", 1.5m), new WarehouseStock("w2", 2) }));
            Assert.That(offers[3].Quantity, Is.EqualTo(9m));
            Assert.That(offers.Take(4).All(o => o.HasStock), Is.True);
            Assert.That(offers[4].HasStock, Is.False);
        });
    }

    [Test]
    public void Price_types_and_warehouses_read_the_same_in_the_classifier_and_in_the_offer_package()
    {
        const string definitions = """
            <ТипыЦен><ТипЦены><Ид>pt-1</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта>
              <Налог><Наименование>НДС</Наименование><УчтеноВСумме>true</УчтеноВСумме></Налог></ТипЦены></ТипыЦен>
            <Склады><Склад><Ид>w-1</Ид><Наименование>Основной</Наименование></Склад></Склады>
            """;
        var inClassifier = Read(Document($"<Классификатор><Ид>c</Ид>{definitions}</Классификатор>"));
        var inPackage = Read(Document($"<ПакетПредложений><Ид>p</Ид>{definitions}<Предложения/></ПакетПредложений>"));
        Assert.Multiple(() =>
        {
            Assert.That(inPackage.Single<PriceType>() with { Location = inClassifier.Single<PriceType>().Location }, Is.EqualTo(inClassifier.Single<PriceType>()));
            Assert.That(inPackage.Single<Warehouse>() with { Location = inClassifier.Single<Warehouse>().Location }, Is.EqualTo(inClassifier.Single<Warehouse>()));
            Assert.That(inClassifier.Single<PriceType>().Tax, Is.EqualTo(new PriceTax("НДС", true)));
        });
    }

    [Test]
    public void Prices_parse_comma_decimals_and_spaces_and_take_the_currency_of_their_price_type()
    {
        var offer = Read(Document("""
            <ПакетПредложений><ТипыЦен><ТипЦены><Ид>pt</Ид><Наименование>Опт</Наименование><Валюта>EUR</Валюта></ТипЦены></ТипыЦен>
            <Предложения><Предложение><Ид>o</Ид><Цены>
              <Цена><ИдТипаЦены>pt</ИдТипаЦены><ЦенаЗаЕдиницу>1 234,50</ЦенаЗаЕдиницу><Единица>шт</Единица><Коэффициент>1</Коэффициент></Цена>
            </Цены></Предложение></Предложения></ПакетПредложений>
            """)).Single<Offer>();
        Assert.That(offer.Prices.Single(), Is.EqualTo(new OfferPrice("pt", 1234.50m, "EUR", "шт", 1m, null)));
    }

    [Test]
    public void A_price_that_is_not_a_number_is_skipped_with_a_warning_at_its_line()
    {
        var result = Read(Document("<ПакетПредложений><Предложения><Предложение><Ид>o</Ид><Цены>\n<Цена><ИдТипаЦены>pt</ИдТипаЦены>\n<ЦенаЗаЕдиницу>много</ЦенаЗаЕдиницу></Цена></Цены></Предложение></Предложения></ПакетПредложений>"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Single<Offer>().Prices, Is.Empty);
            Assert.That(result.Single<Offer>().HasPrices, Is.True);
            Assert.That(result.Warnings.Select(w => w.Message.ToString()), Has.Some.Contains("много"));
            Assert.That(result.Warnings.Select(w => w.Location.Line), Has.Some.EqualTo(5));
        });
    }

    [Test]
    public void Deleted_products_and_offers_are_marked()
    {
        var result = Read(Document("""
            <Каталог><Товары>
              <Товар Статус="Удален"><Ид>a</Ид><Наименование>Старый</Наименование></Товар>
              <Товар><Ид>b</Ид><ПометкаУдаления>true</ПометкаУдаления><Наименование>Помеченный</Наименование></Товар>
              <Товар><Ид>c</Ид><ПометкаУдаления>false</ПометкаУдаления><Наименование>Живой</Наименование></Товар>
            </Товары></Каталог>
            <ПакетПредложений><Предложения><Предложение><Ид>a</Ид><ПометкаУдаления>true</ПометкаУдаления></Предложение></Предложения></ПакетПредложений>
            """));
        Assert.That(result.All<Product>().Select(p => p.IsDeleted), Is.EqualTo(new[] { true, true, false }));
        Assert.That(result.Single<Offer>().IsDeleted, Is.True);
    }

    [TestCase("<Каталог СодержитТолькоИзменения=\"true\"><Ид>c</Ид><Товары/></Каталог>", true)]
    [TestCase("<Каталог СодержитТолькоИзменения=\"false\"><Ид>c</Ид><Товары/></Каталог>", false)]
    [TestCase("<Каталог><Ид>c</Ид><СодержитТолькоИзменения>true</СодержитТолькоИзменения><Товары/></Каталог>", true)]
    [TestCase("<Каталог><Ид>c</Ид></Каталог>", false)]
    [TestCase("<Каталог СодержитТолькоИзменения=\"true\"/>", true)]
    public void The_changes_only_flag_is_read_from_attribute_or_element(string catalog, bool expected)
    {
        Assert.That(Read(Document(catalog)).Single<CatalogHeader>().ContainsOnlyChanges, Is.EqualTo(expected));
    }

    [Test]
    public void A_changes_only_element_after_the_products_is_a_warning()
    {
        var result = Read(Document("<Каталог><Ид>c</Ид><Товары><Товар><Ид>p</Ид><Наименование>Н</Наименование></Товар></Товары><СодержитТолькоИзменения>true</СодержитТолькоИзменения></Каталог>"));
        Assert.That(result.Warnings.Select(w => w.Message.ToString()), Has.Some.Contains("СодержитТолькоИзменения"));
    }

    [Test]
    public void The_2_07_offer_package_changes_root_is_read_like_offers()
    {
        var result = Read(Document("""
            <ИзмененияПакетаПредложений><Ид>x</Ид><Предложения>
              <Предложение><Ид>P</Ид><ИдХарактеристики>C</ИдХарактеристики>
                <Цены><Цена><ИдТипаЦены>pt</ИдТипаЦены><ЦенаЗаЕдиницу>10</ЦенаЗаЕдиницу></Цена></Цены><Количество>3</Количество></Предложение>
            </Предложения></ИзмененияПакетаПредложений>
            """, version: "2.07"));
        var offer = result.Single<Offer>();
        Assert.That(result.Single<OfferPackageHeader>().Id, Is.EqualTo("x"));
        Assert.That((offer.ProductId, offer.CharacteristicId, offer.Prices.Single().PricePerUnit, offer.Quantity), Is.EqualTo(("P", "C", 10m, 3m)));
    }

    [Test]
    public void A_3_1_base_unit_given_by_code_takes_its_names_from_the_classifier()
    {
        var product = Read(Document("""
            <Классификатор><Ид>c</Ид><ЕдиницыИзмерения><ЕдиницаИзмерения><Ид>796 </Ид><НаименованиеКраткое>шт</НаименованиеКраткое><Код>796 </Код>
              <НаименованиеПолное>Штука   </НаименованиеПолное><МеждународноеСокращение>PCE</МеждународноеСокращение></ЕдиницаИзмерения></ЕдиницыИзмерения></Классификатор>
            <Каталог><Товары><Товар><Ид>p</Ид><Наименование>Н</Наименование><БазоваяЕдиница>796 </БазоваяЕдиница></Товар></Товары></Каталог>
            """, "urn:1C.ru:commerceml_3", "3.1")).Single<Product>();
        Assert.That(product.BaseUnit, Is.EqualTo(new UnitOfMeasure { Location = product.BaseUnit!.Location, Code = "796", ShortName = "шт", FullName = "Штука", InternationalAbbreviation = "PCE" }));
    }

    [Test]
    public void Product_requisites_fill_full_name_weight_item_type_and_image_captions()
    {
        var product = Read(Document("""
            <Каталог><Товары><Товар><Ид>p</Ид><Наименование>Н</Наименование>
              <Картинка>import_files/ab/p.jpg</Картинка><Картинка>import_files/ab/q.jpg</Картинка>
              <СтавкиНалогов><СтавкаНалога><Наименование>НДС</Наименование><Ставка>20</Ставка></СтавкаНалога></СтавкиНалогов>
              <ЗначенияРеквизитов>
                <ЗначениеРеквизита><Наименование>ТипНоменклатуры</Наименование><Значение>Товар</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Полное наименование</Наименование><Значение>Полное Н</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>Вес</Наименование><Значение>0,75</Значение></ЗначениеРеквизита>
                <ЗначениеРеквизита><Наименование>ОписаниеФайла</Наименование><Значение>import_files/ab/q.jpg#Вид сбоку</Значение></ЗначениеРеквизита>
              </ЗначенияРеквизитов></Товар></Товары></Каталог>
            """)).Single<Product>();
        Assert.Multiple(() =>
        {
            Assert.That(product.ItemType, Is.EqualTo("Товар"));
            Assert.That(product.FullName, Is.EqualTo("Полное Н"));
            Assert.That(product.Weight, Is.EqualTo(0.75m));
            Assert.That(product.TaxRates.Single().Percent, Is.EqualTo(20m));
            Assert.That(product.Images, Is.EqualTo(new[] { new ProductImage("import_files/ab/p.jpg", null), new ProductImage("import_files/ab/q.jpg", "Вид сбоку") }));
            Assert.That(product.Requisites, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void Unknown_elements_are_skipped_without_losing_the_items_after_them()
    {
        var result = Read(Document("""
            <Контрагенты><Контрагент><Ид>x</Ид></Контрагент></Контрагенты>
            <Каталог><Ид>c</Ид><НеизвестныйБлок><Товар><Ид>inner</Ид></Товар></НеизвестныйБлок>
              <Товары><Товар><Ид>p</Ид><НовоеПоле><Вложенное/></НовоеПоле><Наименование>Н</Наименование></Товар></Товары></Каталог>
            """));
        Assert.That(result.All<Product>().Select(p => (p.Id, p.Name)), Is.EqualTo(new[] { ("p", "Н") }));
        Assert.That(result.Warnings.Select(w => w.Message.ToString()), Has.Some.Contains("Контрагенты"), "a root section that is not catalog data is reported");
    }

    [Test]
    public void A_product_without_an_id_is_skipped_with_a_warning()
    {
        var result = Read(Document("<Каталог><Товары><Товар><Наименование>Без Ид</Наименование></Товар><Товар><Ид>p</Ид><Наименование>Н</Наименование></Товар></Товары></Каталог>"));
        Assert.That(result.All<Product>().Select(p => p.Id), Is.EqualTo(new[] { "p" }));
        Assert.That(result.Warnings.Single().Message.ToString(), Does.Contain("Без Ид"));
    }
    [Test]
    public void An_element_that_is_not_an_item_of_its_collection_is_a_warning()
    {
        var result = Read(Document("<Каталог><Товары><Предложение><Ид>x</Ид></Предложение><Товар><Ид>p</Ид><Наименование>Н</Наименование></Товар></Товары></Каталог>"));
        Assert.That(result.All<Product>().Select(p => p.Id), Is.EqualTo(new[] { "p" }));
        Assert.That(result.All<Offer>(), Is.Empty);
        Assert.That(result.Warnings.Single().Message.ToString(), Does.Contain("<Предложение>"));
        Assert.That(result.Warnings.Single().Location.Line, Is.EqualTo(3));
    }
}
