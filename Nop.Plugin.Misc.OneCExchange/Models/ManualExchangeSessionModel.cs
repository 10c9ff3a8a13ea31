using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>One manual exchange: what the package holds, what importing it would do, and the import's progress.</summary>
public record ManualExchangeSessionModel : BaseNopModel
{
    public string SessionId { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Manual.StartedOn")]
    public DateTime StartedOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Manual.StartedBy")]
    public string StartedBy { get; set; } = "";

    /// <summary>The history record of the session (its details page), or 0 when none was written yet.</summary>
    public int HistoryRecordId { get; set; }

    /// <summary>What the package holds: (localized name, count) pairs in reading order.</summary>
    public IList<ManualCountModel> Contents { get; set; } = [];

    public IList<ManualFileModel> Files { get; set; } = [];

    public IList<string> AnalysisProblems { get; set; } = [];

    public bool DryRunDone { get; set; }

    public IList<ManualKindCountsModel> DryRunKinds { get; set; } = [];

    public IList<string> UnknownPriceTypes { get; set; } = [];

    public IList<string> UnknownWarehouses { get; set; } = [];

    public IList<string> DryRunProblems { get; set; } = [];

    public long DryRunFailed { get; set; }

    public long DryRunWarnings { get; set; }

    public bool FullPackage { get; set; }

    public bool ImportStarted { get; set; }

    public bool ImportCompleted { get; set; }

    public bool HadFailure { get; set; }
}

public record ManualCountModel(string Name, long Count);

public record ManualFileModel(string Path, long Bytes, long Records, long ItemsCompleted, string Status, string? Message);

public record ManualKindCountsModel(string Kind, int Created, int Updated, int Unchanged, int Unpublished, int Missing);
