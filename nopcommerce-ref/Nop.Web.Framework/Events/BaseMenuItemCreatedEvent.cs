using Nop.Web.Framework.Menu;

namespace Nop.Web.Framework.Events;

public abstract partial class BaseMenuItemCreatedEvent
{
    protected BaseMenuItemCreatedEvent(IAdminMenu adminMenu)
    {
    }
}
