using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Protocol;

public enum ExchangeOutcome { Success, Progress, Failure, Document, NotModified }

/// <summary>One request of an exchange, as the log keeps it.</summary>
/// <param name="SessionId">Null when the request belongs to no session (e.g. a refused checkauth).</param>
/// <param name="FileName">The filename= of file and import requests.</param>
/// <param name="BytesReceived">Body bytes stored by a file request.</param>
/// <param name="FileSizeBytes">The staged file's size after a file request, or the imported file's size.</param>
/// <param name="Counters">What this import step did (not cumulative: add the steps up for a file's totals).</param>
/// <param name="Message">The answer's message (the reason of a failure).</param>
/// <param name="Error">Internal detail of an unexpected error, for the log only (never sent to 1C).</param>
public sealed record ExchangeLogEntry(
    string? SessionId,
    ExchangeType? Type,
    string Mode,
    string? RemoteAddress,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    ExchangeOutcome Outcome,
    string? Message,
    string? FileName = null,
    long BytesReceived = 0,
    long? FileSizeBytes = null,
    ImportCounters? Counters = null,
    string? Error = null);
