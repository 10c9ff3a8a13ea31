using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>The exchange log: one record per session, summing up its requests (the entries hold the detail).</summary>
public class OneCExchangeLogRecord : BaseEntity
{
    public const int LastMessageMaxLength = OneCExchangeLogEntry.MessageMaxLength;

    public string SessionId { get; set; } = "";

    /// <summary>0 catalog, 1 sale; -1 when the request had no valid type.</summary>
    public int TypeId { get; set; }

    public string? RemoteAddress { get; set; }

    public DateTime StartedOnUtc { get; set; }

    public DateTime LastRequestOnUtc { get; set; }

    public int RequestCount { get; set; }

    /// <summary>Distinct files uploaded or imported.</summary>
    public int FileCount { get; set; }

    public long BytesReceived { get; set; }

    public long ItemsCreated { get; set; }

    public long ItemsUpdated { get; set; }

    public long ItemsFailed { get; set; }

    public long WarningCount { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>Total time spent answering the session's requests.</summary>
    public long DurationMs { get; set; }

    public string? LastMessage { get; set; }
}
