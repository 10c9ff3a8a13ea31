namespace Nop.Services.Plugins;

public partial interface IPlugin
{
}
