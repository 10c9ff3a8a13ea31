using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Protocol;

/// <summary>What one request did, gathered while it runs, for the exchange log.</summary>
internal sealed class RequestTrace(string mode, string? remoteAddress, DateTimeOffset startedAt)
{
    public string Mode { get; } = mode;
    public string? RemoteAddress { get; } = remoteAddress;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public ExchangeSession? Session { get; set; }
    public ExchangeType? Type { get; set; }
    public string? FileName { get; set; }
    public long BytesReceived { get; set; }
    public long? FileSizeBytes { get; set; }
    public ImportCounters? Counters { get; set; }
    public string? Error { get; set; }

    /// <summary>The request guard the request holds, released after the session and the log are saved.</summary>
    public RequestGuard.Held? Guard { get; set; }

    public ExchangeLogEntry ToEntry(Answer answer, DateTimeOffset finishedAt) => new(
        Session?.Id, Type, Mode, RemoteAddress, StartedAt, finishedAt - StartedAt, answer.Outcome, answer.Message,
        FileName, BytesReceived, FileSizeBytes, Counters, Error);
}
