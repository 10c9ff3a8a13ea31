using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Exchange;

// The seams between the protocol (mode=import, deactivate, complete, query, success) and the work behind it.
// The protocol owns staging, sessions, time budgets and checkpoints; catalog and order code own the data.

/// <summary>The kind of exchange 1C starts: ?type=catalog, ?type=sale, ?type=get_catalog (the store's catalog to 1C),
/// or ?type=listen (1C waits for orders). Stored as int: never renumber.</summary>
public enum ExchangeType { Catalog, Sale, GetCatalog, Listen }

/// <summary>One uploaded file to import, and how far an earlier step already got (0 for a fresh start).</summary>
/// <param name="SessionFolder">The session's staging folder (absolute).</param>
/// <param name="RelativePath">The file as 1C named it, relative to the staging folder, with '/' separators.</param>
/// <param name="ResumeAfterItems">Items already applied and committed by earlier steps; they must not be applied again.</param>
/// <param name="ForgetCachedState">Another process (or this one before a restart) ran the session's last step: what this
/// process cached of the session may be stale and must be dropped.</param>
/// <param name="SavedState">The session's state as an earlier step saved it (<see cref="IFileImport.SessionState"/>), for a
/// process that does not hold the session's state; null when there is none or this process holds it.</param>
public sealed record FileImportRequest(string SessionId, ExchangeType Type, string SessionFolder, string RelativePath,
    long ResumeAfterItems, bool ForgetCachedState = false, string? SavedState = null);

/// <summary>Opens the step-wise import of one staged file.</summary>
public interface IFileImportFactory
{
    IFileImport Open(FileImportRequest request);
}

/// <summary>
/// The import of one file, run in time-boxed steps. An instance may live across several mode=import requests
/// of one process; after a restart the protocol opens a new one with <see cref="FileImportRequest.ResumeAfterItems"/>.
/// </summary>
public interface IFileImport : IDisposable
{
    /// <summary>Items applied and committed so far (the durable checkpoint unit), counted from the file's start.</summary>
    long ItemsCompleted { get; }

    /// <summary>A short human message for the progress answer, e.g. "Обработано 500 товаров".</summary>
    string ProgressMessage { get; }

    /// <summary>What the import did so far.</summary>
    ImportCounters Counters { get; }

    /// <summary>What the session learnt so far, as a snapshot the protocol saves with each step and hands back in
    /// <see cref="FileImportRequest.SavedState"/>; null when the import keeps no session state.</summary>
    string? SessionState => null;

    /// <summary>Applies items until done or until the deadline passes; true when the whole file is done.</summary>
    /// <exception cref="ImportException">The file cannot be imported; nothing of the failing batch is applied.</exception>
    Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken);
}

/// <summary>Counts of what an import did, for the answer to 1C and the exchange log.</summary>
public sealed class ImportCounters
{
    public long Created { get; set; }
    public long Updated { get; set; }
    public long Skipped { get; set; }
    public long Unpublished { get; set; }
    public long Failed { get; set; }
    public long Warnings { get; set; }

    /// <summary>Up to a bounded number of messages (warnings and per-item failures) for the log.</summary>
    public List<ExchangeMessage> Messages { get; } = [];

    public const int MaxMessages = 200;

    public void AddMessage(ExchangeMessage message)
    {
        if (Messages.Count < MaxMessages)
            Messages.Add(message);
    }

    public override string ToString() =>
        $"created {Created}, updated {Updated}, skipped {Skipped}, unpublished {Unpublished}, failed {Failed}, warnings {Warnings}";
}

/// <summary>
/// A file that cannot be imported: bad XML, an unknown document, a store failure. The message (Core's text of the
/// reason) goes to 1C; the reason is what the host shows its admin.
/// </summary>
public class ImportException(ExchangeMessage reason, Exception? inner = null) : Exception(reason.ToString(), inner)
{
    public ExchangeMessage Reason { get; } = reason;
}

/// <summary>What 1C asks at the end of a catalog exchange (mode=deactivate, mode=complete, or an old-style full file).</summary>
/// <param name="DeactivateMissing">True only after a full exchange: items the session did not carry may be unpublished.</param>
public sealed record CatalogCompletion(string SessionId, bool DeactivateMissing, DateTimeOffset SessionStartedAt);

/// <summary>Applies the "missing items" policy and finishes a catalog exchange; returns a message for 1C.</summary>
public interface ICatalogCompletion
{
    Task<string> CompleteAsync(CatalogCompletion completion, CancellationToken cancellationToken);
}

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
