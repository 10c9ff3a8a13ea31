using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>The requests grid of one session's details page.</summary>
public record ExchangeRequestSearchModel : BaseSearchModel
{
    /// <summary>The session record's id.</summary>
    public int SessionRecordId { get; set; }
}
