using System.Text;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Tests.CommerceMl;

/// <summary>Reads inline CommerceML text or bytes and returns every record with the reader's warnings.</summary>
internal static class ReaderFixture
{
    public const string Name = "fixture.xml";

    public static ReadResult Read(string xml, ClassifierContext? context = null) =>
        Read(new UTF8Encoding(false).GetBytes(xml), context);

    public static ReadResult Read(byte[] bytes, ClassifierContext? context = null)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = new CommerceMlReader(stream, Name, context);
        var records = new List<CommerceMlRecord>();
        while (reader.Read())
            records.Add(reader.Current);
        return new ReadResult(records, reader.Warnings.ToList(), reader.WarningCount);
    }

    /// <summary>A document around <paramref name="body"/>, with the given namespace (none when empty).</summary>
    public static string Document(string body, string ns = "", string version = "2.08") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<КоммерческаяИнформация{(ns.Length > 0 ? $" xmlns=\"{ns}\"" : "")} ВерсияСхемы=\"{version}\" ДатаФормирования=\"2026-11-01T10:00:00\">\n{body}\n</КоммерческаяИнформация>";
}

internal sealed record ReadResult(List<CommerceMlRecord> Records, List<CommerceMlWarning> Warnings, long WarningCount)
{
    public List<T> All<T>() where T : CommerceMlRecord => Records.OfType<T>().ToList();
    public T Single<T>() where T : CommerceMlRecord => Records.OfType<T>().Single();
}
