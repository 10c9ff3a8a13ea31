using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.Orders;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// For type=listen: whether an order is due for 1C under the export settings, asked of the database (one query that
/// reads at most one row), so that an order taken by any store instance on this database wakes the listen. "Due" is
/// what mode=query hands out: never handed out, or changed (order events raise the change version) since 1C last
/// confirmed it.
/// </summary>
public class NopPendingOrders : IPendingOrders
{
    protected readonly IRepository<Order> _orderRepository;
    protected readonly IRepository<OneCOrderChange> _changeRepository;
    protected readonly IRepository<OneCOrderExport> _exportRepository;
    protected readonly IOrderExchangeOptionsProvider _optionsProvider;

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

    public virtual async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        var filter = OrderExportFilters.From(await _optionsProvider.GetAsync(cancellationToken));
        var statusIds = filter.Statuses.Select(s => (int)s).ToArray();
        var paidId = (int)PaymentStatus.Paid;
        var createdFrom = filter.CreatedFromUtc;
        var changes = _changeRepository.Table;
        var exports = _exportRepository.Table;

        var first = await _orderRepository.GetAllAsync(query =>
        {
            var due = from order in query
                      join change in changes on order.Id equals change.OrderId into orderChanges
                      from change in orderChanges.DefaultIfEmpty()
                      join export in exports on order.Id equals export.OrderId into orderExports
                      from export in orderExports.DefaultIfEmpty()
                      where !order.Deleted
                            && (export == null
                                || (export.ExportedOnUtc == null && export.UpdatedFrom1COnUtc == null)
                                || (change != null && change.ChangeVersion > export.ExportedVersion))
                      select order;
            if (statusIds.Length > 0)
                due = due.Where(o => statusIds.Contains(o.OrderStatusId));
            if (filter.PaidOnly)
                due = due.Where(o => o.PaymentStatusId == paidId);
            if (createdFrom.HasValue)
                due = due.Where(o => o.CreatedOnUtc >= createdFrom.Value);
            return due.OrderBy(o => o.Id).Take(1);
        });
        return first.Count > 0;
    }
}
