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
