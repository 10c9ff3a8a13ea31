using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>Core's exchange options from the plugin's settings.</summary>
public static class ExchangeOptionsFactory
{
    /// <summary>Room for headers and the like on top of file_limit when sizing the request body limit.</summary>
    public const long RequestSizeMargin = 64 * 1024;

    /// <param name="stagingRoot">The default staging root, used when the settings name no staging folder.</param>
    public static ExchangeOptions From(OneCExchangeSettings settings, string stagingRoot) => new()
    {
        Enabled = settings.Enabled,
        Login = settings.Login ?? "",
        PasswordHash = settings.PasswordHash ?? "",
        UseZip = settings.UseZip,
        FileSizeLimitBytes = Math.Max(1024, settings.FileSizeLimitBytes),
        StepTimeBudget = TimeSpan.FromSeconds(Math.Clamp(settings.StepTimeBudgetSeconds, 1, 600)),
        AllowedIpAddresses = settings.AllowedIpAddresses ?? "",
        MaxFailedLoginAttempts = Math.Max(1, settings.MaxFailedLoginAttempts),
        LockoutDuration = TimeSpan.FromMinutes(Math.Max(1, settings.LockoutMinutes)),
        ResponseEncoding = settings.ResponseEncoding ?? "utf-8",
        LogRetention = TimeSpan.FromDays(Math.Max(1, settings.LogRetentionDays)),
        ListenTimeout = TimeSpan.FromSeconds(Math.Clamp(settings.ListenTimeoutSeconds, 1, 600)),
        MaxWaitingListens = Math.Max(0, settings.MaxWaitingListens),
        CatalogExportPageSize = Math.Clamp(settings.CatalogExportPageSize, 1, 10_000),
        MaxUnpackedZipBytes = Math.Max(1, settings.MaxUnpackedZipMegabytes) * 1024L * 1024,
        StagingRoot = string.IsNullOrWhiteSpace(settings.StagingFolder) ? stagingRoot : settings.StagingFolder.Trim(),
    };
}
