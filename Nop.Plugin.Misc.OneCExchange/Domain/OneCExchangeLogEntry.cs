using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>One request of an exchange, as answered. Requests refused before a session exists have no SessionId.</summary>
public class OneCExchangeLogEntry : BaseEntity
{
    public const int ModeMaxLength = 32;

    /// <summary>Messages are cut to this length by the log service.</summary>
    public const int MessageMaxLength = 4000;

    public string? SessionId { get; set; }

    public int TypeId { get; set; }

    public string Mode { get; set; } = "";

    public string? FileName { get; set; }

    public string? RemoteAddress { get; set; }

    public DateTime StartedOnUtc { get; set; }

    public long DurationMs { get; set; }

    /// <summary>OneCExchange.Core.Protocol.ExchangeOutcome: 0 success, 1 progress, 2 failure, 3 document.</summary>
    public int OutcomeId { get; set; }

    public string? Message { get; set; }

    /// <summary>Internal detail of an unexpected error (never sent to 1C).</summary>
    public string? Error { get; set; }

    public long BytesReceived { get; set; }

    public long? FileSizeBytes { get; set; }

    public long ItemsCreated { get; set; }

    public long ItemsUpdated { get; set; }

    public long ItemsSkipped { get; set; }

    public long ItemsUnpublished { get; set; }

    public long ItemsFailed { get; set; }

    public long Warnings { get; set; }

    /// <summary>The import's warnings and per-item failures so far (newline separated, bounded).</summary>
    public string? Messages { get; set; }
}
