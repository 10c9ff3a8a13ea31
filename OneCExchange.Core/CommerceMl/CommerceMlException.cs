namespace OneCExchange.Core.CommerceMl;

/// <summary>A file the reader cannot read at all: malformed XML, a DTD, or a document that is not CommerceML.</summary>
public class CommerceMlException : Exception
{
    public CommerceMlException(SourceLocation location, string message, Exception? inner = null)
        : base($"{location}: {message}", inner)
    {
        Location = location;
        Reason = message;
    }

    public SourceLocation Location { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
}
