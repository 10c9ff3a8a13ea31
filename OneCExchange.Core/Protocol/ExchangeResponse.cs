using System.Text;

namespace OneCExchange.Core.Protocol;

/// <summary>A cookie the host sets on the response.</summary>
public sealed record ExchangeCookie(string Name, string Value);

/// <summary>
/// The answer to 1C. The HTTP status is 200 (1C reads success, progress or failure from the body), except for a
/// listen that found no order: 304 with no body.
/// A text answer is kept in <see cref="Text"/>; a document (mode=query, mode=info) is written by <see cref="WriteBodyAsync"/>.
/// </summary>
public sealed class ExchangeResponse
{
    public int StatusCode { get; init; } = 200;

    public required string ContentType { get; init; }

    /// <summary>The text answer (lines joined by "\n"), or null for a streamed document.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Writes the body to the response stream; the host calls it once. For a document it also saves the session and
    /// the log record and releases the request guard when the body ends, and throws when the document fails part-way
    /// (the host then drops the connection).
    /// </summary>
    public required Func<Stream, CancellationToken, Task> WriteBodyAsync { get; init; }

    public IReadOnlyList<ExchangeCookie> Cookies { get; init; } = [];

    /// <summary>The body's length when known in advance.</summary>
    public long? ContentLength { get; init; }

    /// <summary>True when the body is a document rather than a protocol text answer.</summary>
    public bool IsDocument => Text is null;

    public static ExchangeResponse FromText(string text, Encoding encoding, IReadOnlyList<ExchangeCookie>? cookies = null)
    {
        var bytes = encoding.GetBytes(text);
        return new ExchangeResponse
        {
            ContentType = $"text/plain; charset={encoding.WebName}",
            Text = text,
            Cookies = cookies ?? [],
            ContentLength = bytes.Length,
            WriteBodyAsync = (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(),
        };
    }
}
