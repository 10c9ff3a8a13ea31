using System.Text;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl;
using static OneCExchange.Tests.CommerceMl.ReaderFixture;

namespace OneCExchange.Tests.CommerceMl;

public class ReaderEncodingAndErrorTests
{
    private const string Body = "<Каталог><Ид>c</Ид><Товары><Товар><Ид>p</Ид><Наименование>Куртка «Ёлка»</Наименование></Товар></Товары></Каталог>";

    static ReaderEncodingAndErrorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public void Utf8_with_bom_is_read()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Document(Body))).ToArray();
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Read(bytes).Single<Product>().Name, Is.EqualTo("Куртка «Ёлка»"));
    }

    [Test]
    public void Utf8_without_bom_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Document(Body));
        Assert.That(bytes[0], Is.EqualTo((byte)'<'));
        Assert.That(Read(bytes).Single<Product>().Name, Is.EqualTo("Куртка «Ёлка»"));
    }

    [Test]
    public void Windows_1251_declared_in_the_xml_declaration_is_read()
    {
        var cp1251 = Encoding.GetEncoding(1251);
        var bytes = cp1251.GetBytes(Document(Body).Replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\""));
        Assert.That(bytes.Length, Is.LessThan(Encoding.UTF8.GetByteCount(Document(Body))), "one byte per Cyrillic letter");
        Assert.That(Read(bytes).Single<Product>().Name, Is.EqualTo("Куртка «Ёлка»"));
    }

    [Test]
    public void Open_reads_a_windows_1251_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"onec-1251-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllBytes(path, Encoding.GetEncoding(1251).GetBytes(Document(Body).Replace("UTF-8", "windows-1251")));
            using var reader = CommerceMlReader.Open(path);
            var names = new List<string>();
            while (reader.Read())
                if (reader.Current is Product product)
                    names.Add(product.Name);
            Assert.That(names, Is.EqualTo(new[] { "Куртка «Ёлка»" }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Malformed_xml_gives_an_error_with_file_line_and_position()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<КоммерческаяИнформация ВерсияСхемы=\"2.08\">\n<Каталог>\n  <Ид>c</Ид>\n  <Товары><Товар><Ид>p</Ид></Товары>\n</Каталог>\n</КоммерческаяИнформация>";
        var error = Assert.Throws<CommerceMlException>(() => Read(xml))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Location.File, Is.EqualTo(Name));
            Assert.That(error.Location.Line, Is.EqualTo(5));
            Assert.That(error.Location.Position, Is.GreaterThan(1));
            Assert.That(error.Message, Does.StartWith($"{Name}(5,"));
        });
    }

    [Test]
    public void Records_before_the_malformed_part_are_yielded_first()
    {
        var xml = Document("<Каталог><Товары><Товар><Ид>ok</Ид><Наименование>Н</Наименование></Товар><Товар><Ид>bad</Ид></Товар>").Replace("</КоммерческаяИнформация>", "</Каталог>");
        using var reader = new CommerceMlReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Name);
        var ids = new List<string>();
        Assert.Throws<CommerceMlException>(() =>
        {
            while (reader.Read())
                if (reader.Current is Product product)
                    ids.Add(product.Id);
        });
        Assert.That(ids, Does.Contain("ok"));
    }

    [Test]
    public void A_dtd_is_refused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"boom\">]>\n<КоммерческаяИнформация ВерсияСхемы=\"2.08\"><Каталог><Ид>&e;</Ид></Каталог></КоммерческаяИнформация>";
        var error = Assert.Throws<CommerceMlException>(() => Read(xml))!;
        Assert.That(error.Message, Does.Contain("DTD"), error.Message);
        Assert.That(error.Location.File, Is.EqualTo(Name)); // XmlReader gives no line for a refused DTD
    }

    [Test]
    public void A_document_that_is_not_commerceml_is_refused()
    {
        var error = Assert.Throws<CommerceMlException>(() => Read("<?xml version=\"1.0\"?>\n<html><body/></html>"))!;
        Assert.That(error.Reason, Does.Contain("<html>"));
        Assert.That(error.Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        Assert.Throws<CommerceMlException>(() => Read(Array.Empty<byte>()));
    }

    [Test]
    public void Bytes_consumed_grow_to_the_file_length()
    {
        var bytes = Encoding.UTF8.GetBytes(Document(string.Concat(Enumerable.Repeat(Body, 200))));
        using var reader = new CommerceMlReader(new MemoryStream(bytes), Name);
        var seen = new List<long>();
        while (reader.Read())
            seen.Add(reader.BytesConsumed);
        Assert.That(seen, Is.Ordered);
        Assert.That(seen[^1], Is.EqualTo(bytes.Length));
        Assert.That(seen[0], Is.LessThan(bytes.Length));
    }

    [Test]
    public void Warnings_are_bounded_but_all_counted()
    {
        var offers = string.Concat(Enumerable.Range(0, 1500).Select(i => $"<Предложение><Ид>o{i}</Ид><Количество>x</Количество></Предложение>"));
        var result = Read(Document($"<ПакетПредложений><Предложения>{offers}</Предложения></ПакетПредложений>"));
        Assert.That(result.WarningCount, Is.EqualTo(1500));
        Assert.That(result.Warnings, Has.Count.EqualTo(1000));
    }
}
