namespace OneCExchange.Cli.Replay;

/// <summary>What `onec replay` was asked to do.</summary>
public sealed record ReplayOptions
{
    /// <summary>A package folder or zip.</summary>
    public required string Package { get; init; }

    public required Uri Url { get; init; }
    public required string Login { get; init; }
    public required string Password { get; init; }

    /// <summary>Send the package as one zip when the store answers zip=yes.</summary>
    public bool Zip { get; init; }

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
