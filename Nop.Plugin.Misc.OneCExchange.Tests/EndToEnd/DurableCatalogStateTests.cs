using System.Text;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Settings;
using OneCExchange.Tests.Protocol;

namespace OneCExchange.Tests.EndToEnd;

/// <summary>
/// What a catalog session learnt from one file (price types known by name from the classifier, offers deleted before
/// they existed) is saved with each step: a restart between two files of one session, which drops all process memory,
/// changes nothing.
/// </summary>
public class DurableCatalogStateTests : LoopbackTestBase
{
    private const string Header = """<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="3.1">""";

    private const string Import = Header + """
        <Классификатор><Ид>cl</Ид><Наименование>Классификатор</Наименование>
          <ТипыЦен>
            <ТипЦены><Ид>pt-wholesale</Ид><Наименование>Оптовая</Наименование><Валюта>RUB</Валюта></ТипЦены>
            <ТипЦены><Ид>pt-retail</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены>
          </ТипыЦен></Классификатор>
        <Каталог СодержитТолькоИзменения="true"><Ид>cat</Ид><ИдКлассификатора>cl</ИдКлассификатора><Наименование>Каталог</Наименование>
          <Товары><Товар><Ид>p1</Ид><Наименование>Чайник</Наименование></Товар></Товары></Каталог>
        </КоммерческаяИнформация>
        """;

    private const string Offers = Header + """
        <ПакетПредложений СодержитТолькоИзменения="true"><Ид>pk</Ид><ИдКаталога>cat</ИдКаталога><ИдКлассификатора>cl</ИдКлассификатора>
          <Наименование>Предложения</Наименование><Предложения>
            <Предложение><Ид>p1</Ид><Наименование>Чайник</Наименование><Цены>
              <Цена><ИдТипаЦены>pt-wholesale</ИдТипаЦены><ЦенаЗаЕдиницу>90</ЦенаЗаЕдиницу></Цена>
              <Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>100</ЦенаЗаЕдиницу></Цена></Цены></Предложение>
            <Предложение><Ид>p1#c1</Ид><ПометкаУдаления>true</ПометкаУдаления></Предложение>
          </Предложения></ПакетПредложений></КоммерческаяИнформация>
        """;

    private const string Prices = Header + """
        <ПакетПредложений СодержитТолькоИзменения="true"><Ид>pk</Ид><ИдКаталога>cat</ИдКаталога><ИдКлассификатора>cl</ИдКлассификатора>
          <Наименование>Цены</Наименование><Предложения>
            <Предложение><Ид>p1#c1</Ид><Цены>
              <Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>120</ЦенаЗаЕдиницу></Цена></Цены></Предложение>
          </Предложения></ПакетПредложений></КоммерческаяИнформация>
        """;

    private LoopbackCatalogPipeline _catalog = null!;

    [SetUp]
    public void UseRealCatalog() => _catalog = LoopbackCatalogPipeline.On(Host, new CatalogImportOptions
    {
        PriceTypeMappings = [new PriceTypeMapping("Розничная", PriceTarget.Price, null), new PriceTypeMapping("Оптовая", PriceTarget.OldPrice, null)],
    });

    [Test]
    public async Task Price_types_known_by_name_from_the_classifier_route_the_offers_after_a_restart()
    {
        var cookie = await StartAsync();
        await UploadAndImportAsync(cookie, "import.xml", Import);

        _catalog.Restart(Host);
        await UploadAndImportAsync(cookie, "offers.xml", Offers);

        var product = _catalog.Store.ProductOf("p1");
        Assert.That((product.Price, product.OldPrice), Is.EqualTo((100m, 90m)), "Розничная to Price, Оптовая to OldPrice by their names");
    }

    [Test]
    public async Task An_offer_deleted_before_it_existed_is_not_created_by_a_later_file_after_a_restart()
    {
        var cookie = await StartAsync();
        await UploadAndImportAsync(cookie, "import.xml", Import);
        await UploadAndImportAsync(cookie, "offers.xml", Offers);

        _catalog.Restart(Host);
        await UploadAndImportAsync(cookie, "prices.xml", Prices);

        Assert.That(_catalog.Store.Combinations, Is.Empty, "the deleted offer p1#c1 stays absent");
        Assert.That(_catalog.Store.ProductOf("p1").Price, Is.EqualTo(100m));
    }

    private async Task<string> StartAsync()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync("type=catalog&mode=init", cookie), Does.StartWith("zip="));
        return cookie;
    }

    private async Task UploadAndImportAsync(string cookie, string name, string xml)
    {
        Assert.That(await Raw.PostAsync($"type=catalog&mode=file&filename={name}", Encoding.UTF8.GetBytes(xml), cookie), Is.EqualTo("success"));
        string answer;
        var steps = 0;
        do
            answer = await Raw.GetAsync($"type=catalog&mode=import&filename={name}", cookie);
        while (answer.StartsWith("progress") && ++steps < 100);
        Assert.That(answer, Does.StartWith("success"), name);
    }
}
