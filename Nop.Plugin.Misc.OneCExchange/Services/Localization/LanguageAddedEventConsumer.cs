using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.OneCExchange.Services.Localization;

/// <summary>A language added after the plugin was installed gets the plugin's texts too (Russian for ru-*).</summary>
public class LanguageAddedEventConsumer : IConsumer<EntityInsertedEvent<Language>>
{
    #region Fields

    protected readonly PluginLocaleResources _pluginLocaleResources;

    #endregion

    #region Ctor

    public LanguageAddedEventConsumer(PluginLocaleResources pluginLocaleResources)
    {
        _pluginLocaleResources = pluginLocaleResources;
    }

    #endregion

    public virtual async Task HandleEventAsync(EntityInsertedEvent<Language> eventMessage)
    {
        await _pluginLocaleResources.AddOrUpdateAsync(eventMessage.Entity);
    }
}
