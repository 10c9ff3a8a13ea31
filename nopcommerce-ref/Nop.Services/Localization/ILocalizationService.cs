using Nop.Services.Plugins;

namespace Nop.Services.Localization;

public partial interface ILocalizationService
{
    Task<string> GetResourceAsync(string resourceKey);

    Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null);

    Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null);

    Task<string> GetLocalizedEnumAsync<TEnum>(TEnum enumValue, int? languageId = null) where TEnum : struct;

    Task<string> GetLocalizedFriendlyNameAsync<TPlugin>(TPlugin plugin, int languageId, bool returnDefaultValue = true)
        where TPlugin : IPlugin;
}
