using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Services.Configuration;
using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Mappings;

/// <summary>
/// Remembers the price types, warehouses and order statuses 1C sends (see <see cref="OneCSeenReferencesSettings"/>).
/// A singleton used by imports that outlive a request: the settings service of the current request is resolved per call,
/// and the setting is written only when something new was seen.
/// </summary>
public class SeenReferencesService
{
    #region Fields

    protected readonly IHttpContextAccessor _httpContextAccessor;

    #endregion

    #region Ctor

    public SeenReferencesService(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    #endregion

    public virtual async Task RememberCatalogAsync(CatalogSessionState session)
    {
        if (session.PriceTypes.Count == 0 && session.Warehouses.Count == 0)
            return;
        var settingService = SettingService();
        var settings = await settingService.LoadSettingAsync<OneCSeenReferencesSettings>();
        var priceTypes = SeenReferenceList.Merge(settings.PriceTypes, session.PriceTypes.Select(p => new SeenReference(p.Id, p.Name)));
        var warehouses = SeenReferenceList.Merge(settings.Warehouses, session.Warehouses.Select(w => new SeenReference(w.Id, w.Name)));
        if (priceTypes is null && warehouses is null)
            return;
        settings.PriceTypes = priceTypes ?? settings.PriceTypes;
        settings.Warehouses = warehouses ?? settings.Warehouses;
        await settingService.SaveSettingAsync(settings);
    }

    public virtual async Task RememberOrderStatusAsync(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
            return;
        var settingService = SettingService();
        var settings = await settingService.LoadSettingAsync<OneCSeenReferencesSettings>();
        if (SeenReferenceList.Merge(settings.OrderStatuses, [new SeenReference(status, status)]) is not { } statuses)
            return;
        settings.OrderStatuses = statuses;
        await settingService.SaveSettingAsync(settings);
    }

    protected virtual ISettingService SettingService() =>
        _httpContextAccessor.HttpContext?.RequestServices.GetRequiredService<ISettingService>()
        ?? throw new InvalidOperationException("1C's references are remembered outside of a request.");
}
