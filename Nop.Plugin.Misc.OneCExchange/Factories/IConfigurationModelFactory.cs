using Nop.Plugin.Misc.OneCExchange.Models;

namespace Nop.Plugin.Misc.OneCExchange.Factories;

/// <summary>Prepares the configure page model.</summary>
public interface IConfigurationModelFactory
{
    /// <summary>Fills the model from the settings (or keeps the posted <paramref name="model"/>) and adds the lists and addresses.</summary>
    Task<ConfigurationModel> PrepareConfigurationModelAsync(OneCExchangeSettings settings, ConfigurationModel? model = null);
}
