using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OneCExchange.Services.Localization;

/// <summary>
/// Writes the plugin's locale resources (Localization/en.xml and ru.xml) into the store: Russian for Russian
/// languages, English for the others. Run on install, on an update of the plugin (new texts reach a store that had an
/// older version) and when an administrator adds a language.
/// </summary>
public class PluginLocaleResources
{
    #region Fields

    protected readonly ILanguageService _languageService;
    protected readonly ILocalizationService _localizationService;

    #endregion

    #region Ctor

    public PluginLocaleResources(ILanguageService languageService, ILocalizationService localizationService)
    {
        _languageService = languageService;
        _localizationService = localizationService;
    }

    #endregion

    /// <summary>Adds or updates the resources of every language of the store.</summary>
    /// <exception cref="InvalidDataException">A resource file is damaged; nothing is written then.</exception>
    public virtual async Task AddOrUpdateAllAsync()
    {
        // Read both files before writing anything, so that a damaged file leaves the store unchanged.
        var resources = Load();
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
            await AddOrUpdateAsync(resources, language);
    }

    /// <summary>Adds or updates the resources of one language.</summary>
    public virtual async Task AddOrUpdateAsync(Language language)
    {
        await AddOrUpdateAsync(Load(), language);
    }

    protected virtual async Task AddOrUpdateAsync(IReadOnlyDictionary<string, Dictionary<string, string>> resources, Language language)
    {
        await _localizationService.AddOrUpdateLocaleResourceAsync(resources[LocaleResourceFile.FileLanguageFor(language.LanguageCulture)], language.Id);
    }

    protected virtual IReadOnlyDictionary<string, Dictionary<string, string>> Load()
    {
        var folder = LocaleResourceFile.DefaultFolder;
        return new Dictionary<string, Dictionary<string, string>>
        {
            [LocaleResourceFile.English] = LocaleResourceFile.Load(folder, LocaleResourceFile.English),
            [LocaleResourceFile.Russian] = LocaleResourceFile.Load(folder, LocaleResourceFile.Russian)
        };
    }
}
