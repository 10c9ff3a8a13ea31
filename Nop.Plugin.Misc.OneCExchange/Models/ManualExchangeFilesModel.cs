using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>The files a session kept in its staging folder (relative paths), listed on its history page.</summary>
public record ManualExchangeFilesModel : BaseNopModel
{
    public string SessionId { get; set; } = "";

    public IList<string> Files { get; set; } = [];

    public bool CanRerun { get; set; }
}
