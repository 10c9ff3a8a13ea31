namespace Nop.Services.Plugins;

public partial class PluginDescriptorBaseInfo
{
    public virtual string SystemName { get; set; }
}
