using Microsoft.AspNetCore.Mvc;
using Nop.Core.Infrastructure.Mapper;
using Nop.Plugin.Misc.OneCExchange.Factories;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Services.Mappings;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;
using OneCExchange.Core.Security;

namespace Nop.Plugin.Misc.OneCExchange.Controllers;

[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class OneCExchangeAdminController : BasePluginController
{
    #region Fields

    protected readonly IConfigurationModelFactory _configurationModelFactory;
    protected readonly IExchangeHistoryModelFactory _exchangeHistoryModelFactory;
    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly ISettingService _settingService;
    protected readonly PickedMappingsService _pickedMappingsService;

    #endregion

    #region Ctor

    public OneCExchangeAdminController(IConfigurationModelFactory configurationModelFactory,
        IExchangeHistoryModelFactory exchangeHistoryModelFactory,
        ILocalizationService localizationService,
        INotificationService notificationService,
        ISettingService settingService,
        PickedMappingsService pickedMappingsService)
    {
        _pickedMappingsService = pickedMappingsService;
        _configurationModelFactory = configurationModelFactory;
        _exchangeHistoryModelFactory = exchangeHistoryModelFactory;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
    }

    #endregion

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Configure()
    {
        var settings = await _settingService.LoadSettingAsync<OneCExchangeSettings>();
        var model = await _configurationModelFactory.PrepareConfigurationModelAsync(settings);

        return View(OneCExchangeDefaults.ConfigurationViewPath, model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var settings = await _settingService.LoadSettingAsync<OneCExchangeSettings>();
        if (!ModelState.IsValid)
            return View(OneCExchangeDefaults.ConfigurationViewPath, await _configurationModelFactory.PrepareConfigurationModelAsync(settings, model));

        AutoMapperConfiguration.Mapper.Map(model, settings);
        if (!string.IsNullOrEmpty(model.NewPassword))
            settings.PasswordHash = PasswordHasher.Hash(model.NewPassword);
        await _pickedMappingsService.SaveAsync(model, settings);
        await _settingService.SaveSettingAsync(settings);

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return RedirectToAction(nameof(Configure));
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> History()
    {
        var model = await _exchangeHistoryModelFactory.PrepareExchangeSessionSearchModelAsync(new ExchangeSessionSearchModel());

        return View(OneCExchangeDefaults.HistoryViewPath, model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> HistoryList(ExchangeSessionSearchModel searchModel)
    {
        var model = await _exchangeHistoryModelFactory.PrepareExchangeSessionListModelAsync(searchModel);

        return Json(model);
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> HistoryDetails(int id)
    {
        var model = await _exchangeHistoryModelFactory.PrepareExchangeSessionDetailsModelAsync(id);
        if (model is null)
            return RedirectToAction(nameof(History));

        return View(OneCExchangeDefaults.HistoryDetailsViewPath, model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> HistoryRequestList(ExchangeRequestSearchModel searchModel)
    {
        var model = await _exchangeHistoryModelFactory.PrepareExchangeRequestListModelAsync(searchModel);

        return Json(model);
    }
}
