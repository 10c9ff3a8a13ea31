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

    /// <summary>A zip may hold at most this many entries.</summary>
    public int MaxZipEntries { get; init; } = 100_000;

    public TimeSpan StepTimeBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Comma or newline separated IP addresses or CIDR ranges; empty allows every address.</summary>
    public string AllowedIpAddresses { get; init; } = "";

    public int MaxFailedLoginAttempts { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>"utf-8" or "windows-1251": the encoding of text answers.</summary>
    public string ResponseEncoding { get; init; } = "utf-8";

    public string CookieName { get; init; } = "ONEC_EXCHANGE";

    /// <summary>An exchange holds the lock of its type while it makes requests at least this often.</summary>
    public TimeSpan SessionLockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Root of the staging area; each session gets its own folder under it.</summary>
    public required string StagingRoot { get; init; }
}
