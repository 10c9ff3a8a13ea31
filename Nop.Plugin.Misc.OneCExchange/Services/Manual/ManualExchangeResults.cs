namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>A file put into a manual exchange: its name (a path inside the package, '/' separated) and its content.</summary>
public sealed record ManualUpload(string FileName, Stream Content);

/// <summary>How a manual exchange was started: its session id, or the reason it could not be.</summary>
public sealed record ManualStart(string? SessionId, string? Error);

/// <summary>One step of a dry run or an import, as the page's progress bar shows it.</summary>
/// <param name="Percent">0–100.</param>
public sealed record ManualStepResult(bool Done, bool Failed, int Percent, string? Message);

/// <summary>One XML file of a manual exchange and how far its import got.</summary>
public sealed record ManualFileState(string RelativePath, long Bytes, long Records, long ItemsCompleted, string Status, string? Message);
