namespace Nop.Services.Plugins;

public partial interface IPlugin
{
    PluginDescriptor PluginDescriptor { get; set; }
}
