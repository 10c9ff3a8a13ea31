using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>A page of the exchange history grid.</summary>
public record ExchangeSessionListModel : BasePagedListModel<ExchangeSessionModel>;
