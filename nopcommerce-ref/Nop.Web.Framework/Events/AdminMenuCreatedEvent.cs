using Nop.Web.Framework.Menu;

namespace Nop.Web.Framework.Events;

public partial class AdminMenuCreatedEvent : BaseMenuItemCreatedEvent
{
    public AdminMenuCreatedEvent(IAdminMenu adminMenu, AdminMenuItem rootMenuItem) : base(adminMenu)
    {
        RootMenuItem = rootMenuItem;
    }

    public AdminMenuItem RootMenuItem { get; protected set; }
}
