using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.CommerceMl.Analysis;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>The manual exchange: a package uploaded in the admin, looked at (dry run), then imported step by step.</summary>
public interface IManualExchangeService
{
    Task<ManualStart> StartAsync(IReadOnlyList<ManualUpload> files, string startedBy);

    Task<ManualStart> RerunAsync(string sessionId, string relativePath, string startedBy);

    Task<OneCExchangeSession?> GetSessionAsync(string sessionId);

    PackageAnalysis? GetAnalysis(OneCExchangeSession session);

    DryRunReport? GetDryRunReport(OneCExchangeSession session);

    Task<IReadOnlyList<ManualFileState>> GetFilesAsync(OneCExchangeSession session);

    Task<ManualStepResult> DryRunStepAsync(string sessionId);

    /// <summary>Forgets the dry run's report, so that the next step checks the package again (e.g. after the settings changed).</summary>
    Task RestartDryRunAsync(string sessionId);

    Task<ManualStepResult> ImportStepAsync(string sessionId);

    /// <summary>The files kept in the session's staging folder (relative, '/' separated), or none when it is gone.</summary>
    IReadOnlyList<string> KeptFiles(OneCExchangeSession session);

    /// <summary>The full path of a kept file, or null when the name is unsafe or the file is gone.</summary>
    string? KeptFilePath(OneCExchangeSession session, string relativePath);
}
