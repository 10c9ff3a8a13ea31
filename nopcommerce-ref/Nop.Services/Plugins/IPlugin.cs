namespace Nop.Services.Plugins;

public partial interface IPlugin
{
    string GetConfigurationPageUrl();

    PluginDescriptor PluginDescriptor { get; set; }

    Task InstallAsync();

    Task UninstallAsync();
}
