using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>One request of a session, as 1C sent it and the store answered it.</summary>
public record ExchangeRequestModel : BaseNopEntityModel
{
    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.StartedOn")]
    public DateTime StartedOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Mode")]
    public string Mode { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.FileName")]
    public string FileName { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.FileSize")]
    public long? FileSizeBytes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Outcome")]
    public string Outcome { get; set; } = "";

    public bool Failed { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Duration")]
    public string Duration { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsCreated")]
    public long ItemsCreated { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsUpdated")]
    public long ItemsUpdated { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsSkipped")]
    public long ItemsSkipped { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsUnpublished")]
    public long ItemsUnpublished { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.ItemsFailed")]
    public long ItemsFailed { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Warnings")]
    public long Warnings { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Message")]
    public string Message { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Error")]
    public string Error { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.Messages")]
    public string Messages { get; set; } = "";
}
