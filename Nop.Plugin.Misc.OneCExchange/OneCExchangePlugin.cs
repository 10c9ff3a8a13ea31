using Nop.Core.Domain.Cms;
using Nop.Plugin.Misc.OneCExchange.Components;
using Nop.Plugin.Misc.OneCExchange.Services.Localization;
using Nop.Services.Cms;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.OneCExchange;

/// <summary>The 1C:Enterprise exchange plugin. Its tables are created and dropped by its migration.</summary>
public class OneCExchangePlugin : BasePlugin, IMiscPlugin, IWidgetPlugin
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly INopUrlHelper _nopUrlHelper;
    protected readonly ISettingService _settingService;
    protected readonly PluginLocaleResources _pluginLocaleResources;

    #endregion

    #region Ctor

    public OneCExchangePlugin(ILocalizationService localizationService,
        INopUrlHelper nopUrlHelper,
        ISettingService settingService,
        PluginLocaleResources pluginLocaleResources)
    {
        _localizationService = localizationService;
        _nopUrlHelper = nopUrlHelper;
        _settingService = settingService;
        _pluginLocaleResources = pluginLocaleResources;
    }

    #endregion

    public override string GetConfigurationPageUrl()
    {
        return _nopUrlHelper.RouteUrl(OneCExchangeDefaults.ConfigurationRouteName);
    }

    /// <summary>The "1C exchange" card on the admin's order details page (1C's numbers, payment and shipment); active from install.</summary>
    /// <remarks>Hidden from the widget list as upstream's misc plugins with widgets (Brevo, RFQ): otherwise _ConfigurePlugin
    /// takes the plugin for a widget, titles the configure page "Configure widget" and links back to the widget list.</remarks>
    public bool HideInWidgetList => true;

    public Task<IList<string>> GetWidgetZonesAsync() =>
        Task.FromResult<IList<string>>([AdminWidgetZones.OrderDetailsBlock]);

    public Type GetWidgetViewComponent(string widgetZone) => typeof(OrderOneCInfoViewComponent);

    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new OneCExchangeSettings());

        var widgetSettings = await _settingService.LoadSettingAsync<WidgetSettings>();
        if (!widgetSettings.ActiveWidgetSystemNames.Contains(OneCExchangeDefaults.SystemName))
        {
            widgetSettings.ActiveWidgetSystemNames.Add(OneCExchangeDefaults.SystemName);
            await _settingService.SaveSettingAsync(widgetSettings);
        }

        await _pluginLocaleResources.AddOrUpdateAllAsync();

        await base.InstallAsync();
    }

    /// <summary>A newer version uploaded over an installed one: its new and changed texts reach every language.</summary>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        await _pluginLocaleResources.AddOrUpdateAllAsync();

        await base.UpdateAsync(currentVersion, targetVersion);
    }

    public override async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<OneCExchangeSettings>();

        var widgetSettings = await _settingService.LoadSettingAsync<WidgetSettings>();
        if (widgetSettings.ActiveWidgetSystemNames.Remove(OneCExchangeDefaults.SystemName))
            await _settingService.SaveSettingAsync(widgetSettings);
        await _localizationService.DeleteLocaleResourcesAsync(OneCExchangeDefaults.LocaleResourcePrefix);

        await base.UninstallAsync();
    }
}
