using Nop.Core.Domain.Cms;
using Nop.Plugin.Misc.OneCExchange.Components;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
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
    protected readonly ILanguageService _languageService;
    protected readonly ILocalizationService _localizationService;
    protected readonly INopUrlHelper _nopUrlHelper;
    protected readonly ISettingService _settingService;

    public OneCExchangePlugin(ILanguageService languageService,
        ILocalizationService localizationService,
        INopUrlHelper nopUrlHelper,
        ISettingService settingService)
    {
        _languageService = languageService;
        _localizationService = localizationService;
        _nopUrlHelper = nopUrlHelper;
        _settingService = settingService;
    }

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
        // Read before writing anything, so that a damaged file leaves the store unchanged.
        var folder = LocaleResourceFile.DefaultFolder;
        var resources = new Dictionary<string, Dictionary<string, string>>
        {
            [LocaleResourceFile.English] = LocaleResourceFile.Load(folder, LocaleResourceFile.English),
            [LocaleResourceFile.Russian] = LocaleResourceFile.Load(folder, LocaleResourceFile.Russian)
        };

        await _settingService.SaveSettingAsync(new OneCExchangeSettings());

        var widgetSettings = await _settingService.LoadSettingAsync<WidgetSettings>();
        if (!widgetSettings.ActiveWidgetSystemNames.Contains(OneCExchangeDefaults.SystemName))
        {
            widgetSettings.ActiveWidgetSystemNames.Add(OneCExchangeDefaults.SystemName);
            await _settingService.SaveSettingAsync(widgetSettings);
        }

        // Russian for Russian admin languages, English for the others.
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
            await _localizationService.AddOrUpdateLocaleResourceAsync(resources[LocaleResourceFile.FileLanguageFor(language.LanguageCulture)], language.Id);

        await base.InstallAsync();
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
