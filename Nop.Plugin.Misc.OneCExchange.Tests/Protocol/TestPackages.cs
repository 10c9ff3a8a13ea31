using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace OneCExchange.Tests.Protocol;

/// <summary>Small CommerceML packages written for a test, and the independent count of what an import must apply.</summary>
public static class TestPackages
{
    /// <summary>A catalog import.xml with <paramref name="products"/> products (big enough to need several chunks).</summary>
    public static string CatalogXml(int products, bool onlyChanges = true)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<КоммерческаяИнформация ВерсияСхемы=\"2.08\">");
        sb.Append("<Классификатор><Ид>cls</Ид><Наименование>Классификатор</Наименование></Классификатор>");
        sb.Append($"<Каталог СодержитТолькоИзменения=\"{(onlyChanges ? "true" : "false")}\"><Ид>cat</Ид><Товары>");
        for (var i = 0; i < products; i++)
            sb.Append($"<Товар><Ид>{Guid.NewGuid()}</Ид><Наименование>Товар номер {i} с достаточно длинным названием</Наименование></Товар>");
        sb.Append("</Товары></Каталог></КоммерческаяИнформация>");
        return sb.ToString();
    }

    public static string OffersXml(int offers, bool onlyChanges = true)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<КоммерческаяИнформация ВерсияСхемы=\"2.08\">");
        sb.Append($"<ПакетПредложений СодержитТолькоИзменения=\"{(onlyChanges ? "true" : "false")}\"><Предложения>");
        for (var i = 0; i < offers; i++)
            sb.Append($"<Предложение><Ид>{i}</Ид><Количество>{i}</Количество></Предложение>");
        sb.Append("</Предложения></ПакетПредложений></КоммерческаяИнформация>");
        return sb.ToString();
    }

    /// <summary>A package folder: import.xml, offers.xml and one picture under import_files/.</summary>
    public static string WriteCatalogPackage(string folder, int products = 1500, bool full = false)
    {
        Directory.CreateDirectory(Path.Combine(folder, "import_files", "ab"));
        File.WriteAllText(Path.Combine(folder, "import.xml"), CatalogXml(products, !full), new UTF8Encoding(true));
        File.WriteAllText(Path.Combine(folder, "offers.xml"), OffersXml(products / 2, !full), new UTF8Encoding(true));
        File.WriteAllBytes(Path.Combine(folder, "import_files", "ab", "ab12.jpg"), Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray());
        return folder;
    }

    /// <summary>Items the element-counting import must apply for a file: every element, counted by LINQ to XML.</summary>
    public static long ElementCount(string path) => XDocument.Load(path).Descendants().Count();

    /// <summary>A zip whose entries are written with the given name encoding (cp866 writes no UTF-8 flag).</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, Encoding? nameEncoding = null)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, nameEncoding))
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }
}
