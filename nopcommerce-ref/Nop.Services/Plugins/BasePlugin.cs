namespace Nop.Services.Plugins;

public abstract partial class BasePlugin : IPlugin
{
    public virtual string GetConfigurationPageUrl() => throw new NotImplementedException();

    public virtual PluginDescriptor PluginDescriptor { get; set; }

    public virtual Task InstallAsync() => throw new NotImplementedException();

    public virtual Task UninstallAsync() => throw new NotImplementedException();

    public virtual Task UpdateAsync(string currentVersion, string targetVersion) => Task.CompletedTask;
}
