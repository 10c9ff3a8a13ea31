namespace Nop.Services.Plugins;

public partial interface IPlugin
{
    string GetConfigurationPageUrl();

    Task InstallAsync();

    Task UninstallAsync();
}
