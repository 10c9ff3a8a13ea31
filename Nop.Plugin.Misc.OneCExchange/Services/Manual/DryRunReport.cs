using Nop.Plugin.Misc.OneCExchange.Services.Mappings;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>What importing the package would do, as the dry run found it (kept beside the package).</summary>
public class DryRunReport
{
    public const int MaxProblems = 200;

    public List<DryRunKindCounts> Kinds { get; set; } = [];

    /// <summary>Price types the package defines that no mapping sends anywhere (empty when no mapping is set: the first one used is the price).</summary>
    public List<SeenReference> UnknownPriceTypes { get; set; } = [];

    /// <summary>Warehouses the package defines that are neither mapped nor created.</summary>
    public List<SeenReference> UnknownWarehouses { get; set; } = [];

    public bool FullPackage { get; set; }

    public long Failed { get; set; }

    public long Warnings { get; set; }

    /// <summary>Warnings and failures with file(line,position) where the reader knows it.</summary>
    public List<string> Problems { get; set; } = [];
}
