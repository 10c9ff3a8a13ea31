namespace OneCExchange.Core.Exchange;

/// <summary>The orders document for mode=query and the confirmation of mode=success.</summary>
public interface IOrderExchange
{
    /// <summary>Builds the orders due for export and remembers them as handed out to this session.</summary>
    Task<OrderExportDocument> QueryAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>1C loaded what this session was handed (mode=success): only now are those orders marked exported.</summary>
    Task ConfirmAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The mode=info document (order statuses, payment and delivery methods).</summary>
    Task<OrderExportDocument> InfoAsync(OrderQuery query, CancellationToken cancellationToken);
}

/// <param name="SchemaVersion">The version 1C sent at init (e.g. "2.08"), or null.</param>
public sealed record OrderQuery(string SessionId, string? SchemaVersion);

/// <summary>
/// A document written to the response stream as it is built (never buffered whole by the protocol). An error while
/// writing it cuts the response short: the host drops the connection rather than end the body.
/// </summary>
/// <param name="Length">The document's size in bytes when known before it is written, else null.</param>
public sealed record OrderExportDocument(string ContentType, int OrderCount, Func<Stream, CancellationToken, Task> WriteToAsync,
    long? Length = null);
