using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Protocol;

/// <summary>One exchange conversation, from checkauth on; kept by <see cref="IExchangeStateStore"/> so it survives restarts.</summary>
public sealed class ExchangeSession
{
    public required string Id { get; init; }
    /// <summary>The type of the checkauth that opened it; each later request may be of either type.</summary>
    public required ExchangeType Type { get; init; }

    /// <summary>The cookie value 1C sends back on every later request.</summary>
    public required string CookieToken { get; init; }

    /// <summary>The sessid answered at checkauth; checked when 1C sends it.</summary>
    public required string SessId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The version= 1C sent at init, or null (old protocol).</summary>
    public string? SchemaVersion { get; set; }

    /// <summary>
    /// The session's staging folder (absolute) on the process that handles the request: each process resolves it under
    /// its own staging root, so a web farm with a shared staging folder finds the same files on every node.
    /// </summary>
    public required string StagingFolder { get; set; }

    /// <summary>A later checkauth of the same type replaced this session; its requests are refused from then on.</summary>
    public bool Superseded { get; set; }

    /// <summary>The process (<see cref="ExchangeRuntime.InstanceId"/>) that ran the session's last import step.</summary>
    public string? LastStepInstance { get; set; }

    /// <summary>An imported file was a full package (СодержитТолькоИзменения="false"): old-style full exchange.</summary>
    public bool FullExchange { get; set; }

    /// <summary>A request of this session was answered with failure: no "missing items" policy for it.</summary>
    public bool HadFailure { get; set; }

    /// <summary>The catalog completion ran (deactivate, complete, or the old-style completion at the next checkauth).</summary>
    public bool Completed { get; set; }

    /// <summary>Bytes staged so far (uploads and unpacked zips), for the session quota.</summary>
    public long StagedBytes { get; set; }

    /// <summary>The catalog state the session's files built (a JSON snapshot), so that a step on a process that lacks it goes on
    /// with it; null until a catalog step saved one.</summary>
    public string? CatalogState
    {
        get => _catalogState;
        set
        {
            _catalogState = value;
            CatalogStateOmitted = false;
        }
    }

    private string? _catalogState;

    /// <summary>
    /// The store found the session without its catalog state (see <see cref="IExchangeStateStore.FindByCookieAsync"/>):
    /// the import steps read it first; a save leaves the stored one as it is.
    /// </summary>
    public bool CatalogStateOmitted { get; private set; }

    /// <summary>Marks the catalog state as not read: most requests of an exchange never use it, and it can be large.</summary>
    public void OmitCatalogState()
    {
        _catalogState = null;
        CatalogStateOmitted = true;
    }

    public string? RemoteAddress { get; init; }
}
