using Nop.Plugin.Misc.OneCExchange.Models;

namespace Nop.Plugin.Misc.OneCExchange.Factories;

public interface IManualExchangeModelFactory
{
    Task<ManualExchangeModel> PrepareManualExchangeModelAsync();

    /// <summary>The page of a manual exchange, or null when there is no such session.</summary>
    Task<ManualExchangeSessionModel?> PrepareManualExchangeSessionModelAsync(string sessionId);

    /// <summary>The answers the session's requests got, one line each, as a text file.</summary>
    Task<string> PrepareAnswersTextAsync(string sessionId);
}
