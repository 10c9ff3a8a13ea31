namespace Nop.Web.Framework.Menu;

public partial class AdminMenuItem
{
    public AdminMenuItem()
    {
        ChildNodes = new List<AdminMenuItem>();
    }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url { get; set; }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }

    public bool Visible { get; set; } = true;
}
