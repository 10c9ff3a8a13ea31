using Nop.Core.Domain.Cms;
using NUnit.Framework;
using Nop.Core.Configuration;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Services.Localization;
using Nop.Core.Events;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Web.Framework.Mvc.Routing;

namespace OneCExchange.Tests.Plugin;

/// <summary>
/// Install and uninstall against recording fakes of the store services. The last step of each, nopCommerce's own
/// BasePlugin method, is only a declaration here (it throws), which also shows it is called after our work.
/// </summary>
public class PluginLifecycleTests
{
    private sealed class Store : ISettingService, ILocalizationService, ILanguageService, INopUrlHelper
    {
        public List<Language> Languages { get; } = [];
        public List<ISettings> SavedSettings { get; } = [];
        public List<Type> DeletedSettings { get; } = [];
        public Dictionary<int, IDictionary<string, string>> ResourcesByLanguage { get; } = [];
        public List<string> DeletedResourcePrefixes { get; } = [];

        public WidgetSettings Widgets { get; } = new() { ActiveWidgetSystemNames = ["Widgets.Other"] };

        public Task<T> LoadSettingAsync<T>(int storeId = 0) where T : ISettings, new() =>
            Task.FromResult(Widgets is T widgets ? widgets : new T());

        public Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : ISettings, new()
        {
            Assert.That(storeId, Is.Zero, "the exchange is store-wide");
            SavedSettings.Add(settings);
            return Task.CompletedTask;
        }

        public Task DeleteSettingAsync<T>() where T : ISettings, new()
        {
            DeletedSettings.Add(typeof(T));
            return Task.CompletedTask;
        }

        public Task<string> GetResourceAsync(string resourceKey) => Task.FromResult(resourceKey);

        public Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null)
        {
            Assert.That(languageId, Is.Not.Null, "each language gets its own text");
            ResourcesByLanguage.Add(languageId!.Value, resources);
            return Task.CompletedTask;
        }

        public Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null)
        {
            Assert.That(languageId, Is.Null, "resources are removed in every language");
            DeletedResourcePrefixes.Add(resourceNamePrefix);
            return Task.CompletedTask;
        }

        public Task<string> GetLocalizedEnumAsync<TEnum>(TEnum enumValue, int? languageId = null) where TEnum : struct =>
            throw new NotSupportedException();

        public Task<string> GetLocalizedFriendlyNameAsync<TPlugin>(TPlugin plugin, int languageId, bool returnDefaultValue = true)
            where TPlugin : Nop.Services.Plugins.IPlugin => throw new NotSupportedException();

        public Task<IList<Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0)
        {
            Assert.That(showHidden, Is.True, "hidden languages get resources too");
            return Task.FromResult<IList<Language>>(Languages);
        }

        public string RouteUrl(string routeName, object? values = null, string? protocol = null, string? host = null, string? fragment = null) =>
            "/route/" + routeName;
    }

    private static OneCExchangePlugin Plugin(Store store) => new(store, store, store, new PluginLocaleResources(store, store));

    [Test]
    public void Install_saves_default_settings_and_resources_in_each_admin_language()
    {
        var store = new Store();
        store.Languages.Add(new Language { Id = 1, LanguageCulture = "en-US" });
        store.Languages.Add(new Language { Id = 2, LanguageCulture = "ru-RU" });
        store.Languages.Add(new Language { Id = 3, LanguageCulture = "de-DE" });

        Assert.ThrowsAsync<NotImplementedException>(() => Plugin(store).InstallAsync(), "nopCommerce's BasePlugin.InstallAsync comes last");

        var english = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);
        var russian = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.Russian);
        Assert.Multiple(() =>
        {
            Assert.That(store.SavedSettings, Has.Count.EqualTo(2));
            Assert.That(store.SavedSettings[0], Is.TypeOf<OneCExchangeSettings>());
            Assert.That(store.SavedSettings[1], Is.SameAs(store.Widgets));
            Assert.That(store.Widgets.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.Other", OneCExchangeDefaults.SystemName }),
                "the order card is active from install");
            Assert.That(store.ResourcesByLanguage.Keys, Is.EquivalentTo(new[] { 1, 2, 3 }));
            Assert.That(store.ResourcesByLanguage[1], Is.EquivalentTo(english));
            Assert.That(store.ResourcesByLanguage[2], Is.EquivalentTo(russian));
            Assert.That(store.ResourcesByLanguage[3], Is.EquivalentTo(english));
        });
    }

    [Test]
    public async Task An_update_of_the_plugin_brings_its_texts_to_every_language_and_changes_no_setting()
    {
        var store = new Store();
        store.Languages.Add(new Language { Id = 1, LanguageCulture = "en-US" });
        store.Languages.Add(new Language { Id = 2, LanguageCulture = "ru-RU" });

        await Plugin(store).UpdateAsync("1.0.0", "1.1.0");

        Assert.Multiple(() =>
        {
            Assert.That(store.ResourcesByLanguage[1], Is.EquivalentTo(LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English)));
            Assert.That(store.ResourcesByLanguage[2], Is.EquivalentTo(LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.Russian)));
            Assert.That(store.SavedSettings, Is.Empty, "an update keeps the shop owner's settings");
        });
    }

    [Test]
    public async Task A_language_added_later_gets_the_plugins_texts_in_its_language()
    {
        var store = new Store();
        var consumer = new LanguageAddedEventConsumer(new PluginLocaleResources(store, store));

        await consumer.HandleEventAsync(new EntityInsertedEvent<Language>(new Language { Id = 7, LanguageCulture = "ru-RU" }));
        await consumer.HandleEventAsync(new EntityInsertedEvent<Language>(new Language { Id = 8, LanguageCulture = "kk-KZ" }));

        Assert.That(store.ResourcesByLanguage[7], Is.EquivalentTo(LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.Russian)));
        Assert.That(store.ResourcesByLanguage[8], Is.EquivalentTo(LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English)));
    }

    [Test]
    public void Uninstall_removes_settings_and_resources()
    {
        var store = new Store();
        store.Widgets.ActiveWidgetSystemNames.Add(OneCExchangeDefaults.SystemName);

        Assert.ThrowsAsync<NotImplementedException>(() => Plugin(store).UninstallAsync(), "nopCommerce's BasePlugin.UninstallAsync comes last");

        Assert.Multiple(() =>
        {
            Assert.That(store.DeletedSettings, Is.EqualTo(new[] { typeof(OneCExchangeSettings) }));
            Assert.That(store.DeletedResourcePrefixes, Is.EqualTo(new[] { OneCExchangeDefaults.LocaleResourcePrefix }));
            Assert.That(store.Widgets.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.Other" }));
            Assert.That(store.SavedSettings, Is.EqualTo(new[] { store.Widgets }));
        });
    }

    [Test]
    public void Configuration_page_is_the_named_admin_route()
    {
        Assert.That(Plugin(new Store()).GetConfigurationPageUrl(), Is.EqualTo("/route/" + OneCExchangeDefaults.ConfigurationRouteName));
    }

    [Test]
    public void Defaults_are_safe_until_an_admin_sets_up_the_exchange()
    {
        var settings = new OneCExchangeSettings();
        Assert.Multiple(() =>
        {
            Assert.That(settings.Enabled, Is.False);
            Assert.That(settings.Login, Is.Empty);
            Assert.That(settings.PasswordHash, Is.Empty);
            Assert.That(settings.AllowedIpAddresses, Is.Empty);
            Assert.That(settings.AdoptProductsBySku, Is.False, "adopting by SKU is an explicit choice");
            Assert.That(settings.MissingItemsAction, Is.EqualTo(1), "missing items are unpublished, never deleted");
            Assert.That(settings.ExportOrderStatusIds, Is.Empty);
            Assert.That(settings.ExportOrdersFromUtc, Is.Null);
        });
    }
}
