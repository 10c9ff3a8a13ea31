using Nop.Core.Configuration;

namespace Nop.Services.Configuration;

public partial interface ISettingService
{
    Task<T> LoadSettingAsync<T>(int storeId = 0) where T : ISettings, new();

    Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : ISettings, new();

    Task DeleteSettingAsync<T>() where T : ISettings, new();
}
