using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Core.Infrastructure.Mapper;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Services.Mappings;
using Nop.Services.Localization;
using OneCExchange.Core.Settings;

namespace Nop.Plugin.Misc.OneCExchange.Factories;

public class ConfigurationModelFactory : IConfigurationModelFactory
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly IWebHelper _webHelper;
    protected readonly PickedMappingsService _pickedMappingsService;

    #endregion

    #region Ctor

    public ConfigurationModelFactory(ILocalizationService localizationService, IWebHelper webHelper, PickedMappingsService pickedMappingsService)
    {
        _localizationService = localizationService;
        _webHelper = webHelper;
        _pickedMappingsService = pickedMappingsService;
    }

    #endregion

    public virtual async Task<ConfigurationModel> PrepareConfigurationModelAsync(OneCExchangeSettings settings, ConfigurationModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(settings);

        model ??= AutoMapperConfiguration.Mapper.Map<ConfigurationModel>(settings);
        model.HasPassword = !string.IsNullOrEmpty(settings.PasswordHash);
        model.NewPassword = "";

        var storeLocation = _webHelper.GetStoreLocation();
        model.ExchangeUrl = storeLocation + OneCExchangeDefaults.ExchangePath;
        model.BitrixExchangeUrl = storeLocation + OneCExchangeDefaults.BitrixExchangePath;

        model.AvailableEncodings = OneCExchangeDefaults.Encodings.Select(encoding => new SelectListItem(encoding, encoding)).ToList();
        model.AvailableOrderSchemaVersions = OneCExchangeDefaults.OrderSchemaVersions.Select(version => new SelectListItem(version, version)).ToList();
        model.AvailableMissingItemsActions =
        [
            new SelectListItem(await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.MissingItemsAction.LeaveAlone"), "0"),
            new SelectListItem(await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.MissingItemsAction.Unpublish"), "1")
        ];

        model.AvailableOrderStatuses = [];
        foreach (var status in Enum.GetValues<OrderStatusTarget>())
        {
            // The store's own localized names of its order statuses.
            var name = await _localizationService.GetResourceAsync($"Enums.Nop.Core.Domain.Orders.OrderStatus.{status}");
            var value = ((int)status).ToString();
            model.AvailableOrderStatuses.Add(new SelectListItem(name, value, model.ExportOrderStatusIds.Contains((int)status)));
        }

        await _pickedMappingsService.PrepareAsync(model, settings);

        return model;
    }
}
