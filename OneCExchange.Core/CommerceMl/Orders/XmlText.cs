using System.Text;
using System.Xml;

namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>Makes store text writable as XML 1.0: characters XML forbids (control characters, lone surrogates,
/// U+FFFE/U+FFFF) are dropped; everything else is escaped by the XmlWriter.</summary>
internal static class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
            return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (IsAllowed(c))
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsAllowed(c))
                return i;
        }
        return -1;
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}

/// <summary>Elements of the order documents, their text made writable by <see cref="XmlText.Clean"/>.</summary>
internal static class XmlTextWriting
{
    public static void WriteCleanElement(this XmlWriter xml, string name, string value) =>
        xml.WriteElementString(name, XmlText.Clean(value));

    /// <summary>Writes the element only when it has text.</summary>
    public static void WriteOptionalElement(this XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            xml.WriteCleanElement(name, value);
    }
}
