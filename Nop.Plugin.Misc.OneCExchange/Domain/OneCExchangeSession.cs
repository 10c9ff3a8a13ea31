using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>One exchange session with 1C (from checkauth on): its cookie and progress; survives restarts.</summary>
public class OneCExchangeSession : BaseEntity
{
    public const int SessionIdMaxLength = 32;
    public const int TokenMaxLength = 64;
    public const int SchemaVersionMaxLength = 16;
    public const int RemoteAddressMaxLength = 64;

    /// <summary>The session id (32 hex characters).</summary>
    public string SessionId { get; set; } = "";

    /// <summary>OneCExchange.Core.Exchange.ExchangeType: 0 catalog, 1 sale.</summary>
    public int TypeId { get; set; }

    public string CookieToken { get; set; } = "";

    public string SessId { get; set; } = "";

    public DateTime CreatedOnUtc { get; set; }

    public DateTime LastSeenOnUtc { get; set; }

    public string? SchemaVersion { get; set; }

    public string StagingFolder { get; set; } = "";

    /// <summary>The end of the per-session lock of plugin 1.0; kept (equal to LastSeenOnUtc) for its install index.</summary>
    public DateTime LockExpiresOnUtc { get; set; }

    /// <summary>A later checkauth of the same type replaced this session.</summary>
    public bool Superseded { get; set; }

    /// <summary>The store process that ran the session's last import step.</summary>
    public string? LastStepInstance { get; set; }

    public bool FullExchange { get; set; }

    public bool HadFailure { get; set; }

    public bool Completed { get; set; }

    public long StagedBytes { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>The session's catalog state as a JSON snapshot (price types and warehouses known by name, offers deleted
    /// before they existed, the kinds seen), so that any process can run the next step.</summary>
    public string? CatalogState { get; set; }
}
