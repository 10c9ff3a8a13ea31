namespace OneCExchange.Core.Protocol;

/// <summary>The exchange settings the host fills from its own configuration (the plugin: OneCExchangeSettings).</summary>
public sealed record ExchangeOptions
{
    public bool Enabled { get; init; } = true;

    public string Login { get; init; } = "";

    /// <summary>As produced by <see cref="Security.PasswordHasher.Hash"/>.</summary>
    public string PasswordHash { get; init; } = "";

    /// <summary>Answer zip=yes at init (1C may then send one zip instead of separate files).</summary>
    public bool UseZip { get; init; }

    /// <summary>The file_limit answered at init: the largest body of one mode=file request. Keep it under the host's request size limit.</summary>
    public long FileSizeLimitBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>The largest single staged file (all its chunks together).</summary>
    public long MaxFileBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The most a session may stage, uploads and unpacked zips together.</summary>
    public long MaxSessionBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>The most one zip may unpack to.</summary>
    public long MaxUnpackedZipBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// A zip may hold at most this many entries: room for a catalog of 100,000 products with several pictures each
    /// (unpacked over as many requests as the step budget needs).
    /// </summary>
    public int MaxZipEntries { get; init; } = 1_000_000;

    public TimeSpan StepTimeBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Comma or newline separated IP addresses or CIDR ranges; empty allows every address.</summary>
    public string AllowedIpAddresses { get; init; } = "";

    public int MaxFailedLoginAttempts { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>"utf-8" or "windows-1251": the encoding of text answers.</summary>
    public string ResponseEncoding { get; init; } = "utf-8";

    public string CookieName { get; init; } = "ONEC_EXCHANGE";

    /// <summary>The lease of the request guard; a running request renews it every third of it, a dead process loses it after it.</summary>
    public TimeSpan RequestGuardLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a request waits for a request of the same type to end before it answers "another exchange is running".</summary>
    public TimeSpan RequestGuardWait { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>A request with Basic credentials and no cookie belongs to the newest session seen within this time.</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Log records and finished sessions older than this are deleted when a new exchange starts.</summary>
    public TimeSpan LogRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Staging folders of sessions untouched this long are deleted when a new exchange starts.</summary>
    public TimeSpan StagingRetention { get; init; } = TimeSpan.FromDays(2);

    /// <summary>type=listen waits this long for an order before answering 304.</summary>
    public TimeSpan ListenTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting listen asks the store whether an order is due (the store is the only judge).</summary>
    public TimeSpan ListenPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many listens wait at once in this process; the next one is answered 304 at once.</summary>
    public int MaxWaitingListens { get; init; } = 10;

    /// <summary>type=get_catalog: products (and then their offers) per mode=query answer.</summary>
    public int CatalogExportPageSize { get; init; } = 100;

    /// <summary>Root of the staging area; each session gets its own folder under it.</summary>
    public required string StagingRoot { get; init; }
}
