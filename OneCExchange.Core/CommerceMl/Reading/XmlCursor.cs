using System.Text;
using System.Xml;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>
/// Forward-only helpers over an <see cref="XmlReader"/> positioned on elements. Convention: every method that reads an
/// element consumes it whole, leaving the reader on the node after its end tag.
/// </summary>
internal sealed class XmlCursor(XmlReader reader, string fileName, WarningSink warnings)
{
    private readonly IXmlLineInfo? _lineInfo = reader as IXmlLineInfo;

    public XmlReader Reader { get; } = reader;
    public string FileName { get; } = fileName;
    public WarningSink Warnings { get; } = warnings;

    public string LocalName => Reader.LocalName;

    public SourceLocation Here() =>
        new(FileName, _lineInfo?.LineNumber ?? 0, _lineInfo?.LinePosition ?? 0);

    /// <summary>Where the reader is, without allocating: turned into a location only when a warning needs it.</summary>
    public Mark MarkHere() => new(_lineInfo?.LineNumber ?? 0, _lineInfo?.LinePosition ?? 0);

    public void Warn(ExchangeMessage message) => Warnings.Add(Here(), message);

    public void Warn(Mark mark, ExchangeMessage message) => Warnings.Add(new SourceLocation(FileName, mark.Line, mark.Position), message);

    public void Warn(SourceLocation location, ExchangeMessage message) => Warnings.Add(location, message);

    /// <summary>Steps inside the current element; returns its depth, or -1 when it is empty (then it is consumed).</summary>
    public int Enter()
    {
        var depth = Reader.Depth;
        var empty = Reader.IsEmptyElement;
        Reader.Read();
        return empty ? -1 : depth;
    }

    /// <summary>Moves to the next child element of the element entered at <paramref name="depth"/>; false after its end tag.</summary>
    public bool NextChild(int depth)
    {
        if (depth < 0)
            return false;
        while (true)
        {
            switch (Reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement when Reader.Depth == depth:
                    Reader.Read();
                    return false;
                case XmlNodeType.None when Reader.EOF:
                    return false;
                default:
                    Reader.Read();
                    break;
            }
        }
    }

    /// <summary>
    /// Moves to the next child element named <paramref name="localName"/> of the element entered at
    /// <paramref name="depth"/>, skipping other children; false after its end tag.
    /// </summary>
    public bool NextChild(int depth, string localName)
    {
        while (NextChild(depth))
        {
            if (Reader.LocalName == localName)
                return true;
            Skip();
        }
        return false;
    }

    /// <summary>The text of the current element (empty for an empty element); nested elements are skipped with a warning.</summary>
    public string ReadText()
    {
        if (Reader.IsEmptyElement)
        {
            Reader.Read();
            return "";
        }
        var name = Reader.LocalName;
        var depth = Reader.Depth;
        Reader.Read();
        var result = "";
        StringBuilder? builder = null;
        while (true)
        {
            switch (Reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (builder == null && result.Length == 0)
                        result = Reader.Value;
                    else
                        (builder ??= new StringBuilder(result)).Append(Reader.Value);
                    Reader.Read();
                    break;
                case XmlNodeType.EndElement when Reader.Depth == depth:
                    Reader.Read();
                    return builder?.ToString() ?? result;
                case XmlNodeType.Element:
                    Warn(ExchangeMessage.Of(MessageKeys.ReaderElementInText, Reader.LocalName, name));
                    Reader.Skip();
                    break;
                case XmlNodeType.None when Reader.EOF:
                    return builder?.ToString() ?? result;
                default:
                    Reader.Read();
                    break;
            }
        }
    }

    /// <summary>The trimmed text, or null when it is empty.</summary>
    public string? ReadOptionalText()
    {
        var text = ReadText().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A boolean element; an unreadable value gives a warning and null.</summary>
    public bool? ReadBoolean()
    {
        var location = MarkHere();
        var name = Reader.LocalName;
        var text = ReadText();
        if (text.Length == 0)
            return null;
        if (CommerceMlValues.TryParseBoolean(text, out var value))
            return value;
        Warn(location, ExchangeMessage.Of(MessageKeys.ReaderNotABoolean, name, text));
        return null;
    }

    /// <summary>A decimal element; an unreadable value gives a warning and null.</summary>
    public decimal? ReadDecimal()
    {
        var location = MarkHere();
        var name = Reader.LocalName;
        var text = ReadText();
        return ParseDecimal(text, name, location);
    }

    public decimal? ParseDecimal(string? text, string name, Mark location)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (CommerceMlValues.TryParseDecimal(text, out var value))
            return value;
        Warn(location, ExchangeMessage.Of(MessageKeys.ReaderNotANumber, name, text));
        return null;
    }

    public void Skip() => Reader.Skip();
}

/// <summary>A line and position in the file being read.</summary>
internal readonly record struct Mark(int Line, int Position);

/// <summary>The warnings of one reader: the first <see cref="Limit"/> kept, all counted.</summary>
internal sealed class WarningSink
{
    public const int Limit = 1000;
    private readonly List<CommerceMlWarning> _kept = [];

    public IReadOnlyList<CommerceMlWarning> Kept => _kept;
    public long Count { get; private set; }

    public void Add(SourceLocation location, ExchangeMessage message)
    {
        Count++;
        if (_kept.Count < Limit)
            _kept.Add(new CommerceMlWarning(location, message));
    }
}
