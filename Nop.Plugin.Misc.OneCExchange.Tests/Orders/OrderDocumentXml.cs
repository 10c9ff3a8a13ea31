using System.Xml.Linq;

namespace OneCExchange.Tests.Orders;

/// <summary>Reads a CommerceML order document with XLinq, for expectations computed from the file itself.</summary>
internal static class OrderDocumentXml
{
    /// <summary>The trimmed text of a child element, or null when it is absent or empty.</summary>
    public static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>The value of a ЗначенияРеквизитов entry by its Наименование, or null.</summary>
    public static string? Requisite(XElement document, string name) =>
        document.Elements().Where(e => e.Name.LocalName == "ЗначенияРеквизитов").Elements()
            .Where(r => r.Elements().Any(e => e.Name.LocalName == "Наименование" && e.Value.Trim() == name))
            .Select(r => r.Elements().First(e => e.Name.LocalName == "Значение").Value.Trim())
            .FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>False for a missing value and for 1C's empty date "T" (an empty date with its time separator).</summary>
    public static bool IsGiven(string? value) => value != null && value != "T";
}
