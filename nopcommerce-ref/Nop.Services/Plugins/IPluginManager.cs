using Nop.Core.Domain.Customers;

namespace Nop.Services.Plugins;

public partial interface IPluginManager<TPlugin> where TPlugin : class, IPlugin
{
    Task<TPlugin> LoadPluginBySystemNameAsync(string systemName, Customer customer = null, int storeId = 0);
}
