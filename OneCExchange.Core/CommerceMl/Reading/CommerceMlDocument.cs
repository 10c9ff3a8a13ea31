using System.Text;
using System.Xml;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>
/// What every CommerceML reader does the same way: the XML reader's settings (no DTD, no resolver), the root element
/// КоммерческаяИнформация and its header, and turning malformed XML or a wrong encoding into a
/// <see cref="CommerceMlException"/> with the file, line and position.
/// </summary>
internal static class CommerceMlDocument
{
    public const string Root = "КоммерческаяИнформация";

    static CommerceMlDocument() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An XML reader over a CommerceML file; the encoding comes from its BOM or XML declaration.</summary>
    public static XmlReader CreateReader(Stream stream, bool closeInput) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = closeInput,
    });

    /// <summary>Moves to the root element and reads its header; the cursor stays on the root.</summary>
    /// <exception cref="CommerceMlException">There is no root element, or it is not КоммерческаяИнформация.</exception>
    public static DocumentHeader ReadHeader(XmlCursor cursor)
    {
        var xml = cursor.Reader;
        if (xml.MoveToContent() != XmlNodeType.Element)
            throw new CommerceMlException(cursor.Here(), "the file has no root element");
        var location = cursor.Here();
        if (xml.LocalName != Root)
            throw new CommerceMlException(location, $"not a CommerceML document: the root element is <{xml.LocalName}>, not <{Root}>");
        return new DocumentHeader
        {
            Location = location,
            SchemaVersion = xml.GetAttribute("ВерсияСхемы")?.Trim() ?? "",
            Namespace = xml.NamespaceURI,
            GeneratedAt = CommerceMlValues.ParseDate(xml.GetAttribute("ДатаФормирования")),
        };
    }

    /// <summary>Runs one read step; malformed XML and a wrong encoding become a <see cref="CommerceMlException"/>.</summary>
    public static T Guard<T>(XmlCursor cursor, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            var location = e.LineNumber > 0 ? new SourceLocation(cursor.FileName, e.LineNumber, e.LinePosition) : cursor.Here();
            throw new CommerceMlException(location, e.Message, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new CommerceMlException(cursor.Here(), "the file is not in the encoding it declares: " + e.Message, e);
        }
    }
}
