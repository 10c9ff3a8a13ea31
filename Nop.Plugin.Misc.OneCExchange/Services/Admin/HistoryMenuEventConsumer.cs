using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.OneCExchange.Services.Admin;

/// <summary>Adds "1C exchange history" to the admin menu, under Configuration, for those who manage plugins.</summary>
public class HistoryMenuEventConsumer : BaseAdminMenuCreatedEventConsumer
{
    #region Fields

    protected readonly IAdminMenu _adminMenu;
    protected readonly ILocalizationService _localizationService;
    protected readonly IPermissionService _permissionService;

    #endregion

    #region Ctor

    public HistoryMenuEventConsumer(IAdminMenu adminMenu,
        ILocalizationService localizationService,
        IPermissionService permissionService,
        IPluginManager<IPlugin> pluginManager) : base(pluginManager)
    {
        _adminMenu = adminMenu;
        _localizationService = localizationService;
        _permissionService = permissionService;
    }

    #endregion

    protected override Task<bool> CheckAccessAsync()
    {
        return _permissionService.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS);
    }

    protected override async Task<AdminMenuItem> GetAdminMenuItemAsync(IPlugin plugin)
    {
        return new AdminMenuItem
        {
            Visible = true,
            SystemName = OneCExchangeDefaults.HistoryMenuSystemName,
            Title = await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.History"),
            Url = _adminMenu.GetMenuItemUrl("OneCExchangeAdmin", "History"),
            IconClass = "far fa-dot-circle"
        };
    }

    protected override string PluginSystemName => OneCExchangeDefaults.SystemName;

    protected override MenuItemInsertType InsertType => MenuItemInsertType.TryAfterThanBefore;

    protected override string AfterMenuSystemName => "Widgets";

    protected override string BeforeMenuSystemName => "Local plugins";
}
