using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>The filters of the exchange history grid.</summary>
public record ExchangeSessionSearchModel : BaseSearchModel
{
    /// <summary>0 catalog, 1 sale; null for every type.</summary>
    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.SearchType")]
    public int? SearchTypeId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.History.SearchOnlyWithErrors")]
    public bool SearchOnlyWithErrors { get; set; }

    public IList<SelectListItem> AvailableTypes { get; set; } = [];
}
