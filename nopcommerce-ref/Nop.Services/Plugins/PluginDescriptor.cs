namespace Nop.Services.Plugins;

public partial class PluginDescriptor : PluginDescriptorBaseInfo
{
    public virtual string FriendlyName { get; set; }
}
