using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>One exchange session: a row of the history grid and the head of its details page.</summary>
public record ExchangeSessionModel : BaseNopEntityModel
{
    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.StartedOn")]
    public DateTime StartedOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.LastRequestOn")]
    public DateTime LastRequestOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Type")]
    public string Type { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.RemoteAddress")]
    public string RemoteAddress { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.RequestCount")]
    public int RequestCount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.FileCount")]
    public int FileCount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.BytesReceived")]
    public long BytesReceived { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsCreated")]
    public long ItemsCreated { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsUpdated")]
    public long ItemsUpdated { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsFailed")]
    public long ItemsFailed { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Warnings")]
    public long WarningCount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Errors")]
    public int ErrorCount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Duration")]
    public string Duration { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.LastMessage")]
    public string LastMessage { get; set; } = "";
}
