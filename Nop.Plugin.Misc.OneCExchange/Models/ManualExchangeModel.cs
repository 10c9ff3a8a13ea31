using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>The manual exchange upload page.</summary>
public record ManualExchangeModel : BaseNopModel
{
    // Labels of the two file inputs (both post "files": a zip or XML files with their pictures, or a whole folder).

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Manual.PackageFiles")]
    public string PackageFiles { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Manual.PackageFolder")]
    public string PackageFolder { get; set; } = "";
}
