using Nop.Services.Localization;

namespace OneCExchange.Tests.Plugin;

/// <summary>Answers every resource with its key, and records the keys asked for.</summary>
internal sealed class FakeLocalizationService : ILocalizationService
{
    public List<string> RequestedKeys { get; } = [];

    public Task<string> GetResourceAsync(string resourceKey)
    {
        RequestedKeys.Add(resourceKey);
        return Task.FromResult(resourceKey);
    }

    public Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null) =>
        throw new NotSupportedException();

    public Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null) =>
        throw new NotSupportedException();
}
