using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.Orders;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// The orders due for 1C, as one database query: those 1C has not confirmed yet (no export row, or handed out and never
/// confirmed nor heard of from 1C) and those whose change version is above the version 1C confirmed; passing the
/// export filter, lowest id first. mode=query hands them out; type=listen asks whether there is one.
/// </summary>
public static class DueOrders
{
    private static readonly OrderExportFilter Unfiltered = new([], PaidOnly: false, CreatedFromUtc: null, MaxOrders: int.MaxValue);

    /// <summary>The orders due for 1C by the rule alone, whatever the export filter (the order's 1C card in the admin).</summary>
    public static IQueryable<Order> Query(IQueryable<Order> orders, IQueryable<OneCOrderChange> changes, IQueryable<OneCOrderExport> exports) =>
        Query(orders, changes, exports, Unfiltered);

    public static IQueryable<Order> Query(IQueryable<Order> orders, IQueryable<OneCOrderChange> changes,
        IQueryable<OneCOrderExport> exports, OrderExportFilter filter)
    {
        var statusIds = filter.Statuses.Select(s => (int)s).ToArray();
        var paidId = (int)PaymentStatus.Paid;
        var createdFrom = filter.CreatedFromUtc;

        var due = from order in orders
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
        return due.OrderBy(o => o.Id);
    }
}
