using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// For type=listen: whether an order is due for 1C under the export settings, asked of the database (one query that
/// reads at most one row), so that an order taken by any store instance on this database wakes the listen. "Due" is
/// what mode=query hands out: never handed out, or changed (order events raise the change version) since 1C last
/// confirmed it.
/// </summary>
public class NopPendingOrders : IPendingOrders
{
    #region Fields

    protected readonly IRepository<Order> _orderRepository;
    protected readonly IRepository<OneCOrderChange> _changeRepository;
    protected readonly IRepository<OneCOrderExport> _exportRepository;
    protected readonly IOrderExchangeOptionsProvider _optionsProvider;

    #endregion

    #region Ctor

    public NopPendingOrders(IRepository<Order> orderRepository,
        IRepository<OneCOrderChange> changeRepository,
        IRepository<OneCOrderExport> exportRepository,
        IOrderExchangeOptionsProvider optionsProvider)
    {
        _orderRepository = orderRepository;
        _changeRepository = changeRepository;
        _exportRepository = exportRepository;
        _optionsProvider = optionsProvider;
    }

    #endregion

    public virtual async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        var filter = OrderExportFilters.From(await _optionsProvider.GetAsync(cancellationToken));
        var first = await _orderRepository.GetAllAsync(query =>
            DueOrders.Query(query, _changeRepository.Table, _exportRepository.Table, filter).Take(1));
        return first.Count > 0;
    }
}
