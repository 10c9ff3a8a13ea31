using OneCExchange.Core.Messages;
using System.Text;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Catalog;

/// <summary>Values longer than the store's columns are cut with a warning naming the item, and the item lands.</summary>
public sealed class ColumnLimitTests
{
    [Test]
    public async Task A_too_long_name_and_sku_are_cut_to_the_columns_and_the_product_and_its_group_land()
    {
        var folder = Directory.CreateTempSubdirectory("onec-column-limits-").FullName;
        try
        {
            var name = new string('Н', 100_000);
            var sku = new string('A', 5_000);
            var group = new string('Г', 401);
            File.WriteAllText(Path.Combine(folder, "import.xml"), $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <КоммерческаяИнформация ВерсияСхемы="2.08">
                  <Классификатор><Ид>cls</Ид><Наименование>К</Наименование>
                    <Группы><Группа><Ид>g1</Ид><Наименование>{group}</Наименование></Группа></Группы>
                  </Классификатор>
                  <Каталог СодержитТолькоИзменения="true"><Ид>cat</Ид><ИдКлассификатора>cls</ИдКлассификатора><Товары>
                    <Товар><Ид>long-1</Ид><Артикул>{sku}</Артикул><Наименование>{name}</Наименование><Группы><Ид>g1</Ид></Группы></Товар>
                    <Товар><Ид>short-2</Ид><Артикул>S-2</Артикул><Наименование>Обычный товар</Наименование></Товар>
                  </Товары></Каталог>
                </КоммерческаяИнформация>
                """, new UTF8Encoding(false));
            var store = new InMemoryCatalogStore();
            var factory = new CatalogFileImportFactory(store, new CatalogImportOptions(), new CatalogSessions());
            using var import = factory.Open(new FileImportRequest("s1", ExchangeType.Catalog, folder, "import.xml", 0));

            Assert.That(await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), default), Is.True);

            Assert.That(import.Counters.Failed, Is.Zero);
            var product = store.ProductOf("long-1");
            Assert.That((product.Name, product.Sku), Is.EqualTo((name[..400], sku[..400])));
            Assert.That(store.ProductOf("short-2").Name, Is.EqualTo("Обычный товар"));
            Assert.That(store.Categories.Values.Single().Name, Is.EqualTo(group[..400]));
            var shownName = new string('Н', 60) + "…";
            var shownGroup = new string('Г', 60) + "…";
            Assert.That(import.Counters.Messages.Select(m => m.ToString()), Is.SupersetOf(new[]
            {
                $"Товар long-1 «{shownName}»: наименование длиннее 400 символов (100000), сохранены первые 400",
                $"Товар long-1 «{shownName}»: артикул длиннее 400 символов (5000), сохранены первые 400",
                $"Группа g1 «{shownGroup}»: наименование длиннее 400 символов (401), сохранены первые 400",
            }));
            Assert.That(import.Counters.Messages.Count(m => m.Key == MessageKeys.ValueCut), Is.EqualTo(3), "keyed, so the admin reads them in its language");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
