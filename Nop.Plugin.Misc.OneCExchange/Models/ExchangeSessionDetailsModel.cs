using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>The details page of one session: its summary and the grid of its requests.</summary>
public record ExchangeSessionDetailsModel : BaseNopModel
{
    public ExchangeSessionModel Session { get; set; } = new();

    public ExchangeRequestSearchModel RequestSearchModel { get; set; } = new();
}
