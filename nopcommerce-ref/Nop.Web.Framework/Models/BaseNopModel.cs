namespace Nop.Web.Framework.Models;

public partial record BaseNopModel
{
    public Dictionary<string, string> CustomProperties { get; set; }
}
