using Nop.Services.Events;
using Nop.Services.Plugins;
using Nop.Web.Framework.Menu;

namespace Nop.Web.Framework.Events;

public abstract class BaseAdminMenuCreatedEventConsumer : IConsumer<AdminMenuCreatedEvent>
{
    protected BaseAdminMenuCreatedEventConsumer(IPluginManager<IPlugin> pluginManager)
    {
    }

    protected virtual Task<bool> CheckAccessAsync() => throw new NotImplementedException();

    protected virtual Task<AdminMenuItem> GetAdminMenuItemAsync(IPlugin plugin) => throw new NotImplementedException();

    public virtual Task HandleEventAsync(AdminMenuCreatedEvent eventMessage) => throw new NotImplementedException();

    protected abstract string PluginSystemName { get; }

    protected virtual MenuItemInsertType InsertType => throw new NotImplementedException();

    protected virtual string AfterMenuSystemName => throw new NotImplementedException();

    protected virtual string BeforeMenuSystemName => throw new NotImplementedException();
}
