using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>How far the import of one staged file got: the step-wise import resumes from here after a restart.</summary>
public class OneCFileCheckpoint : BaseEntity
{
    /// <summary>The longest name the staging area accepts (OneCExchange.Core.Staging.StagingPath).</summary>
    public const int RelativePathMaxLength = 400;

    public string SessionId { get; set; } = "";

    /// <summary>The file as 1C named it, relative to the session's staging folder.</summary>
    public string RelativePath { get; set; } = "";

    public long ItemsCompleted { get; set; }

    /// <summary>OneCExchange.Core.Protocol.FileImportStatus: 0 running, 1 done, 2 failed.</summary>
    public int StatusId { get; set; }

    public bool IsFullPackage { get; set; }

    public string? Message { get; set; }

    public DateTime UpdatedOnUtc { get; set; }
}
