namespace OneCExchange.Cli.Replay;

/// <summary>What `onec replay` was asked to do.</summary>
public sealed record ReplayOptions
{
    /// <summary>A package folder or zip.</summary>
    public required string Package { get; init; }

    public required Uri Url { get; init; }
    public required string Login { get; init; }
    public required string Password { get; init; }

    /// <summary>How every request is sent (cookie, POST with Basic, or Basic only).</summary>
    public RequestStyle Style { get; init; }

    /// <summary>A new checkauth and init for every XML file (pictures go with the first), as some 1C setups do.</summary>
    public bool CheckAuthPerFile { get; init; }

    /// <summary>The type of the catalog exchange's checkauth when it differs from catalog (e.g. "sale").</summary>
    public string? CatalogCheckAuthType { get; init; }

    /// <summary>Send the package file by file even when the store answers zip=yes (as a 1C set up without archives).</summary>
    public bool FileByFile { get; init; }

    /// <summary>Cut uploads to at most this many bytes even when the store allows more.</summary>
    public long? FileLimit { get; init; }

    /// <summary>The version= sent at init (e.g. "2.08", "3.1"), or none for the classic protocol.</summary>
    public string? Version { get; init; }

    /// <summary>Send deactivate before complete (what 1C does after a full package exchange).</summary>
    public bool Deactivate { get; init; }

    /// <summary>Run the sale exchange after the catalog: query, success, and the upload of this changes file if given.</summary>
    public bool Sale { get; init; }

    public string? SaleChangesFile { get; init; }

    /// <summary>Where the queried orders document is saved (default: a temporary file).</summary>
    public string? OrdersOutput { get; init; }
}
