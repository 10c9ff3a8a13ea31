using System.Text;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.Protocol;

namespace OneCExchange.Tests.EndToEnd;

/// <summary>
/// 1C may send each file of a 3.1 package after its own checkauth (issue 11, behaviour 1): the goods file then names
/// properties only the properties file of an earlier session defined, and the prices file names an offer the offers
/// file of an earlier session deleted. The store and the answers must be the same as when the package comes in one
/// session, whichever way it was sent before.
/// </summary>
public class PackagePerCheckAuthTests : LoopbackTestBase
{
    private const string Header = """<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_3" ВерсияСхемы="3.1">""";

    private static readonly (string Name, string Xml)[] Package =
    [
        ("properties.xml", Header + """
            <Классификатор СодержитТолькоИзменения="true"><Ид>cl</Ид><Наименование>Классификатор</Наименование>
              <ЕдиницыИзмерения><ЕдиницаИзмерения><Ид>796</Ид><Код>796</Код><НаименованиеКраткое>шт</НаименованиеКраткое></ЕдиницаИзмерения></ЕдиницыИзмерения>
              <Свойства>
                <Свойство><Ид>color</Ид><Наименование>Цвет</Наименование><ТипЗначений>Справочник</ТипЗначений>
                  <ВариантыЗначений><Справочник><ИдЗначения>red</ИдЗначения><Значение>Красный</Значение></Справочник></ВариантыЗначений></Свойство>
                <Свойство><Ид>brand</Ид><Наименование>Бренд</Наименование><ТипЗначений>Строка</ТипЗначений></Свойство>
              </Свойства></Классификатор></КоммерческаяИнформация>
            """),
        ("goods.xml", Header + """
            <Каталог СодержитТолькоИзменения="true"><Ид>cat</Ид><ИдКлассификатора>cl</ИдКлассификатора><Наименование>Каталог</Наименование>
              <Товары><Товар><Ид>p1</Ид><Наименование>Чайник</Наименование><БазоваяЕдиница>796</БазоваяЕдиница>
                <ЗначенияСвойств>
                  <ЗначенияСвойства><Ид>color</Ид><Значение>red</Значение></ЗначенияСвойства>
                  <ЗначенияСвойства><Ид>brand</Ид><Значение>Тефаль</Значение></ЗначенияСвойства>
                </ЗначенияСвойств></Товар></Товары></Каталог></КоммерческаяИнформация>
            """),
        ("offers.xml", Header + """
            <ПакетПредложений СодержитТолькоИзменения="true"><Ид>pk</Ид><ИдКаталога>cat</ИдКаталога><ИдКлассификатора>cl</ИдКлассификатора>
              <Наименование>Предложения</Наименование>
              <ТипыЦен><ТипЦены><Ид>pt-retail</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены></ТипыЦен>
              <Предложения>
                <Предложение><Ид>p1</Ид><Наименование>Чайник</Наименование><Цены>
                  <Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>100</ЦенаЗаЕдиницу></Цена></Цены></Предложение>
                <Предложение><Ид>p1#c1</Ид><ПометкаУдаления>true</ПометкаУдаления></Предложение>
              </Предложения></ПакетПредложений></КоммерческаяИнформация>
            """),
        ("prices.xml", Header + """
            <ПакетПредложений СодержитТолькоИзменения="true"><Ид>pk</Ид><ИдКаталога>cat</ИдКаталога><ИдКлассификатора>cl</ИдКлассификатора>
              <Наименование>Цены</Наименование>
              <ТипыЦен><ТипЦены><Ид>pt-retail</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены></ТипыЦен>
              <Предложения><Предложение><Ид>p1#c1</Ид><Цены>
                <Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>120</ЦенаЗаЕдиницу></Цена></Цены></Предложение>
              </Предложения></ПакетПредложений></КоммерческаяИнформация>
            """),
    ];

    [Test]
    public async Task Per_file_and_one_session_give_the_same_answers_and_catalog_in_either_order()
    {
        var first = LoopbackCatalogPipeline.On(Host);
        var oneSessionFirst = await SendAsync(Raw, perFile: false);
        var perFileAfter = await SendAsync(Raw, perFile: true);

        await using var otherHost = await LoopbackExchangeHost.StartAsync(Path.Combine(Scratch, "other-staging"));
        using var otherRaw = new RawExchangeClient(otherHost);
        var second = LoopbackCatalogPipeline.On(otherHost);
        var perFileFirst = await SendAsync(otherRaw, perFile: true);
        var oneSessionAfter = await SendAsync(otherRaw, perFile: false);

        Assert.Multiple(() =>
        {
            Assert.That(perFileFirst, Is.EqualTo(oneSessionFirst), "a first run: the same answers either way");
            Assert.That(perFileAfter, Is.EqualTo(oneSessionAfter), "a repeated run: the same answers either way");
            Assert.That(perFileAfter, Has.None.Match("(создано|обновлено|снято с публикации) [1-9]"), "a repeated run changes nothing");
            Assert.That(Describe(second.Store), Is.EqualTo(Describe(first.Store)));
            Assert.That(Describe(first.Store), Is.EqualTo(new[] { "Чайник 100: Бренд=Тефаль, Цвет=Красный; variants 0" }),
                "properties named from the earlier session's classifier; the deleted offer is not created by the prices file");
        });
    }

    [Test]
    public void A_new_session_carries_the_classifier_and_the_deleted_offers_but_not_the_kinds_sent()
    {
        var state = new CatalogSessionState("s1");
        state.Classifier.Add("color", new KnownProperty("Цвет", PropertyValueType.Reference, new Dictionary<string, string> { ["red"] = "Красный" }));
        state.MarkDeletedOffer("p1#c1");
        state.MarkSeen(CatalogEntityKind.Product);

        var next = CatalogSessionSnapshot.Read("s2", CatalogSessionSnapshot.CarryOver(CatalogSessionSnapshot.Write(state)));

        Assert.Multiple(() =>
        {
            Assert.That(next.Classifier.TryGetProperty("color", out var color) ? color.ReferenceValues!["red"] : null, Is.EqualTo("Красный"));
            Assert.That(next.IsDeletedOffer("p1#c1"), Is.True);
            Assert.That(next.HasSeen(CatalogEntityKind.Product), Is.False, "the missing-items policy applies to what this session sends");
            Assert.That(CatalogSessionSnapshot.CarryOver(null), Is.Null);
            Assert.That(CatalogSessionSnapshot.CarryOver("not json"), Is.Null);
        });
    }

    private static async Task<List<string>> SendAsync(RawExchangeClient raw, bool perFile)
    {
        var answers = new List<string>();
        var cookie = "";
        foreach (var (name, xml) in Package)
        {
            if (perFile || cookie.Length == 0)
            {
                (cookie, _, _) = await raw.CheckAuthAsync("catalog");
                Assert.That(await raw.GetAsync("type=catalog&mode=init", cookie), Does.StartWith("zip="));
            }
            Assert.That(await raw.PostAsync($"type=catalog&mode=file&filename={name}", Encoding.UTF8.GetBytes(xml), cookie), Is.EqualTo("success"));
            string answer;
            var steps = 0;
            do
                answer = await raw.GetAsync($"type=catalog&mode=import&filename={name}", cookie);
            while (answer.StartsWith("progress") && ++steps < 100);
            Assert.That(answer, Does.StartWith("success"), name);
            answers.Add(answer);
        }
        return answers;
    }

    private static List<string> Describe(InMemoryCatalogStore store) =>
    [
        .. store.Products.Values.Select(p =>
        {
            var specs = p.Specifications.Select(s => (Option: store.SpecificationOptions[s.OptionId], s.CustomValue))
                .Select(s => $"{store.SpecificationAttributes[s.Option.AttributeId].Name}={s.CustomValue ?? s.Option.Name}")
                .Order(StringComparer.Ordinal);
            return $"{p.Name} {p.Price:0}: {string.Join(", ", specs)}; variants {store.Combinations.Count}";
        }),
    ];
}
