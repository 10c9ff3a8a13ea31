using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>A page of a session's requests.</summary>
public record ExchangeRequestListModel : BasePagedListModel<ExchangeRequestModel>;
