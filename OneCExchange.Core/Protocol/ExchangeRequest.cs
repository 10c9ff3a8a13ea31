using System.Net;

namespace OneCExchange.Core.Protocol;

/// <summary>One HTTP request from 1C, as the host received it (host-neutral: no ASP.NET types).</summary>
public sealed class ExchangeRequest
{
    public required string Method { get; init; }

    /// <summary>Query parameters; keys are matched case-insensitively.</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>The raw Authorization header, or null.</summary>
    public string? Authorization { get; init; }

    /// <summary>The raw Cookie header, or null.</summary>
    public string? Cookie { get; init; }

    /// <summary>The X-Bitrix-Csrf-Token header (another way 1C passes sessid), or null.</summary>
    public string? CsrfToken { get; init; }

    public IPAddress? RemoteAddress { get; init; }

    /// <summary>The raw request body (mode=file carries file bytes, not multipart).</summary>
    public Stream Body { get; init; } = Stream.Null;

    /// <summary>The declared Content-Length, or null when the body is chunked.</summary>
    public long? ContentLength { get; init; }

    public string? this[string name] =>
        Query.TryGetValue(name, out var value) ? value : Query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
