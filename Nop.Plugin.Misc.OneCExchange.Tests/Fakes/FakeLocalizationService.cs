using Nop.Services.Localization;
using Nop.Services.Plugins;

namespace OneCExchange.Tests.Fakes;

/// <summary>
/// Answers a resource from <see cref="Resources"/> (e.g. a language of the plugin's locale files), else with its key as
/// nopCommerce does for a missing one (and records the keys asked for); an enum value as "Localized {value}"; a
/// plugin's friendly name as the test says.
/// </summary>
public sealed class FakeLocalizationService(Func<IPlugin, string>? friendlyNameOf = null) : ILocalizationService
{
    public List<string> RequestedKeys { get; } = [];

    public Dictionary<string, string> Resources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> GetResourceAsync(string resourceKey)
    {
        lock (RequestedKeys)
            RequestedKeys.Add(resourceKey);
        return Task.FromResult(Resources.TryGetValue(resourceKey, out var value) ? value : resourceKey);
    }

    public Task<string> GetLocalizedEnumAsync<TEnum>(TEnum enumValue, int? languageId = null) where TEnum : struct =>
        Task.FromResult("Localized " + enumValue);

    public Task<string> GetLocalizedFriendlyNameAsync<TPlugin>(TPlugin plugin, int languageId, bool returnDefaultValue = true)
        where TPlugin : IPlugin =>
        Task.FromResult(friendlyNameOf?.Invoke(plugin) ?? throw new NotSupportedException("The test gave no friendly names."));

    public Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null) =>
        throw new NotSupportedException();

    public Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null) => throw new NotSupportedException();
}
