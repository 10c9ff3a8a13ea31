using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Shipping;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using OneCExchange.Core.Settings;

namespace Nop.Plugin.Misc.OneCExchange.Services.Mappings;

/// <summary>
/// The configure page's mapping choices: one row per price type, warehouse and order status 1C has sent, with a
/// target picked from a list (stored as mapping lines in the Picked* settings). A warehouse picked "create" is created
/// in the store when the page is saved, and mapped to.
/// </summary>
public class PickedMappingsService
{
    #region Fields

    public const string CreateTarget = "Create";

    protected readonly ISettingService _settingService;
    protected readonly ILocalizationService _localizationService;
    protected readonly IRepository<Warehouse> _warehouseRepository;
    protected readonly IRepository<CustomerRole> _customerRoleRepository;

    #endregion

    #region Ctor

    public PickedMappingsService(ISettingService settingService, ILocalizationService localizationService,
        IRepository<Warehouse> warehouseRepository, IRepository<CustomerRole> customerRoleRepository)
    {
        _settingService = settingService;
        _localizationService = localizationService;
        _warehouseRepository = warehouseRepository;
        _customerRoleRepository = customerRoleRepository;
    }

    #endregion

    /// <summary>Fills the rows (unless the page was posted back with its own) and the target lists.</summary>
    public virtual async Task PrepareAsync(ConfigurationModel model, OneCExchangeSettings settings)
    {
        var seen = await _settingService.LoadSettingAsync<OneCSeenReferencesSettings>();
        if (model.PriceTypePicks.Count == 0)
            model.PriceTypePicks = Rows(SeenReferenceList.Parse(seen.PriceTypes), settings.PickedPriceTypeMappings);
        if (model.WarehousePicks.Count == 0)
            model.WarehousePicks = Rows(SeenReferenceList.Parse(seen.Warehouses), settings.PickedWarehouseMappings);
        if (model.OrderStatusPicks.Count == 0)
            model.OrderStatusPicks = Rows(SeenReferenceList.Parse(seen.OrderStatuses), settings.PickedOrderStatusMappings);

        model.AvailablePriceTargets = [await NotSetAsync(), await ItemAsync("Price"), await ItemAsync("OldPrice"), await ItemAsync("ProductCost")];
        var tierFormat = await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Picks.Target.Tier");
        foreach (var role in _customerRoleRepository.Table.Where(r => r.Active && r.SystemName != null && r.SystemName != "").OrderBy(r => r.Name).ToList())
            model.AvailablePriceTargets.Add(new SelectListItem(string.Format(tierFormat, role.Name), "Tier:" + role.SystemName));
        model.AvailablePriceTargets.Add(await ItemAsync(MappingLines.IgnoreTarget));

        model.AvailableWarehouseTargets = [await NotSetAsync()];
        foreach (var warehouse in _warehouseRepository.Table.OrderBy(w => w.Name).ToList())
            model.AvailableWarehouseTargets.Add(new SelectListItem(warehouse.Name, warehouse.Id.ToString()));
        model.AvailableWarehouseTargets.Add(await ItemAsync(CreateTarget));
        model.AvailableWarehouseTargets.Add(await ItemAsync(MappingLines.IgnoreTarget));

        model.AvailableOrderStatusTargets = [await NotSetAsync()];
        foreach (var status in Enum.GetValues<OrderStatusTarget>())
            model.AvailableOrderStatusTargets.Add(new SelectListItem(
                await _localizationService.GetResourceAsync($"Enums.Nop.Core.Domain.Orders.OrderStatus.{status}"), status.ToString()));
    }

    /// <summary>Stores the picks as mapping lines; a pick Core would not read is dropped, a "create" warehouse is created.</summary>
    public virtual async Task SaveAsync(ConfigurationModel model, OneCExchangeSettings settings)
    {
        foreach (var pick in model.WarehousePicks.Where(p => p.Target == CreateTarget && p.Source.Length > 0))
        {
            var warehouse = new Warehouse { Name = string.IsNullOrWhiteSpace(pick.Name) ? pick.Source : pick.Name.Trim(), AdminComment = "1C: " + pick.Source };
            await _warehouseRepository.InsertAsync(warehouse);
            pick.Target = warehouse.Id.ToString();
        }
        settings.PickedPriceTypeMappings = Lines(model.PriceTypePicks, text => MappingLines.ParsePriceTypes(text).IsValid);
        settings.PickedWarehouseMappings = Lines(model.WarehousePicks, text => MappingLines.ParseWarehouses(text).IsValid);
        settings.PickedOrderStatusMappings = Lines(model.OrderStatusPicks, text => MappingLines.ParseOrderStatuses(text).IsValid);
    }

    /// <summary>One row per seen reference, then one per earlier pick 1C has not sent lately (a pick is never lost silently).</summary>
    protected static IList<PickedMappingModel> Rows(IReadOnlyList<SeenReference> seen, string? picked)
    {
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (picked ?? "").Split('\n').Select(l => l.Trim()))
            if (line.LastIndexOf('=') is var separator and > 0)
                targets.TryAdd(line[..separator].Trim(), line[(separator + 1)..].Trim());
        var rows = seen.Select(s => new PickedMappingModel { Source = s.Id, Name = s.Name, Target = targets.GetValueOrDefault(s.Id, "") }).ToList();
        rows.AddRange(targets.Where(t => !seen.Any(s => string.Equals(s.Id, t.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(t => new PickedMappingModel { Source = t.Key, Name = t.Key, Target = t.Value }));
        return rows;
    }

    protected static string Lines(IEnumerable<PickedMappingModel> picks, Func<string, bool> isValid) =>
        string.Join("\n", picks
            .Where(p => !string.IsNullOrWhiteSpace(p.Source) && !string.IsNullOrWhiteSpace(p.Target))
            .Select(p => $"{p.Source.Trim()}={p.Target.Trim()}")
            .Where(isValid));

    protected virtual async Task<SelectListItem> NotSetAsync() =>
        new(await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Picks.Target.NotSet"), "");

    protected virtual async Task<SelectListItem> ItemAsync(string target) =>
        new(await _localizationService.GetResourceAsync($"Plugins.Misc.OneCExchange.Picks.Target.{target}"), target);
}
