using System.Text;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Messages;

namespace OneCExchange.Tests.Orders;

/// <summary>
/// The order changes 1C sends read with the same value rules as the catalog: decimals with a comma or a point and
/// spaces between digit groups, in the document's total and in its lines alike; unreadable values warned with their
/// position; a file that cannot be read raises <see cref="CommerceMlException"/> with the file, line and position.
/// </summary>
public class OrderChangesReaderTests
{
    private static string Document(string total, string price, string quantity) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <КоммерческаяИнформация ВерсияСхемы="2.08">
          <Документ>
            <Ид>7</Ид>
            <Номер>7</Номер>
            <Сумма>{total}</Сумма>
            <Товары>
              <Товар><Ид>p1</Ид><Цена>{price}</Цена><Количество>{quantity}</Количество><Сумма>{total}</Сумма></Товар>
            </Товары>
          </Документ>
        </КоммерческаяИнформация>
        """;

    private static (List<OrderChange> Changes, IReadOnlyList<CommerceMlWarning> Warnings) Read(string xml)
    {
        using var reader = new OrderChangesReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "changes.xml");
        var changes = reader.ReadDocuments().ToList();
        return (changes, reader.Warnings);
    }

    [TestCase("1234,56")]
    [TestCase("1 234,56")]
    [TestCase("1\u00A0234,56")]
    [TestCase("1234.56")]
    public void A_1C_decimal_reads_the_same_in_the_total_and_in_the_lines(string amount)
    {
        var (changes, warnings) = Read(Document(amount, amount, "2,5"));
        var change = changes.Single();
        var line = change.Lines.Single();

        Assert.Multiple(() =>
        {
            Assert.That(change.Total, Is.EqualTo(1234.56m));
            Assert.That(line.Price, Is.EqualTo(1234.56m));
            Assert.That(line.Sum, Is.EqualTo(1234.56m));
            Assert.That(line.Quantity, Is.EqualTo(2.5m));
            Assert.That(warnings, Is.Empty);
        });
    }

    [Test]
    public void An_unreadable_number_is_null_and_warned_with_its_position()
    {
        var (changes, warnings) = Read(Document("много", "12,50", "1"));

        Assert.Multiple(() =>
        {
            Assert.That(changes.Single().Total, Is.Null);
            Assert.That(changes.Single().Lines.Single().Price, Is.EqualTo(12.5m));
            Assert.That(warnings.Select(w => w.Message.Key), Has.All.EqualTo(MessageKeys.ReaderNotANumber));
            Assert.That(warnings.Select(w => (w.Location.File, w.Location.Line)),
                Is.EqualTo(new[] { ("changes.xml", 8), ("changes.xml", 3) }), "the line's sum (read first), then the document's total");
        });
    }

    [Test]
    public void Malformed_xml_raises_a_CommerceMl_exception_with_the_line_and_position()
    {
        var xml = "<КоммерческаяИнформация>\n  <Документ><Ид>1</Ид>\n  </Документы>\n</КоммерческаяИнформация>";

        var error = Assert.Throws<CommerceMlException>(() => Read(xml))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Location.File, Is.EqualTo("changes.xml"));
            Assert.That(error.Location.Line, Is.EqualTo(3));
            Assert.That(error.Location.Position, Is.GreaterThan(0));
        });
    }

    [Test]
    public void A_file_that_is_not_CommerceML_raises_a_CommerceMl_exception_at_its_root()
    {
        var error = Assert.Throws<CommerceMlException>(() => Read("<?xml version=\"1.0\"?>\n<orders><order/></orders>"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Reason, Does.Contain("<orders>"));
            Assert.That((error.Location.Line, error.Location.Position), Is.EqualTo((2, 2)));
        });
    }

    [Test]
    public void Documents_inside_a_container_are_read_and_nested_containers_skipped()
    {
        const string xml = """
            <КоммерческаяИнформация ВерсияСхемы="3.1">
              <Контейнер><Документ><Ид>1</Ид></Документ><Контейнер><Документ><Ид>x</Ид></Документ></Контейнер></Контейнер>
              <Документ><Ид>2</Ид></Документ>
            </КоммерческаяИнформация>
            """;

        var (changes, _) = Read(xml);

        Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "1", "2" }));
    }
}
