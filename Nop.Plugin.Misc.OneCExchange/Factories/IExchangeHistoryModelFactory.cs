using Nop.Plugin.Misc.OneCExchange.Models;

namespace Nop.Plugin.Misc.OneCExchange.Factories;

/// <summary>Prepares the models of the exchange history pages.</summary>
public interface IExchangeHistoryModelFactory
{
    /// <summary>Sets the grid's page size and the type filter's choices.</summary>
    Task<ExchangeSessionSearchModel> PrepareExchangeSessionSearchModelAsync(ExchangeSessionSearchModel searchModel);

    /// <summary>One page of sessions, newest first, filtered by type and errors.</summary>
    Task<ExchangeSessionListModel> PrepareExchangeSessionListModelAsync(ExchangeSessionSearchModel searchModel);

    /// <summary>The details page of a session; null when there is no such session.</summary>
    Task<ExchangeSessionDetailsModel?> PrepareExchangeSessionDetailsModelAsync(int sessionRecordId);

    /// <summary>One page of a session's requests, in the order they came.</summary>
    Task<ExchangeRequestListModel> PrepareExchangeRequestListModelAsync(ExchangeRequestSearchModel searchModel);
}
