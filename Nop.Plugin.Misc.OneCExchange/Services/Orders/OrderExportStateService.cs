using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// Reads and writes the orders' change versions (<see cref="OneCOrderChange"/>, written by order events) and export
/// state (<see cref="OneCOrderExport"/>, written by the exchange). An order without a change row has version 0.
/// </summary>
public class OrderExportStateService
{
    /// <summary>The columns a query's hand-out and a success's confirmation write.</summary>
    protected static readonly string[] HandOutColumns =
    [
        nameof(OneCOrderExport.HandedOutSessionId), nameof(OneCOrderExport.HandedOutVersion),
        nameof(OneCOrderExport.ExportedVersion), nameof(OneCOrderExport.ExportedOnUtc),
    ];

    #region Fields

    protected readonly IRepository<OneCOrderChange> _changeRepository;
    protected readonly IRepository<OneCOrderExport> _exportRepository;
    protected readonly SetBasedUpdater _updater;

    #endregion

    #region Ctor

    public OrderExportStateService(IRepository<OneCOrderChange> changeRepository, IRepository<OneCOrderExport> exportRepository,
        SetBasedUpdater updater)
    {
        _changeRepository = changeRepository;
        _exportRepository = exportRepository;
        _updater = updater;
    }

    #endregion

    /// <summary>Records that the order changed: its version rises, so it is due for 1C again.</summary>
    public virtual async Task RecordChangeAsync(int orderId, bool statusChanged)
    {
        var now = DateTime.UtcNow;
        var change = await FindChangeAsync(orderId);
        if (change == null)
        {
            await _changeRepository.InsertAsync(new OneCOrderChange
            {
                OrderId = orderId,
                ChangeVersion = 1,
                ChangedOnUtc = now,
                StatusChangedOnUtc = statusChanged ? now : null,
            }, false);
            return;
        }

        change.ChangeVersion++;
        change.ChangedOnUtc = now;
        if (statusChanged)
            change.StatusChangedOnUtc = now;
        await _changeRepository.UpdateAsync(change, false);
    }

    public virtual async Task<OneCOrderChange?> FindChangeAsync(int orderId)
    {
        var rows = await _changeRepository.GetAllAsync(query => query.Where(c => c.OrderId == orderId));
        return rows.FirstOrDefault();
    }

    /// <summary>The current change version of each order (0 for an order no event has reached).</summary>
    public virtual async Task<Dictionary<int, int>> GetVersionsAsync(IReadOnlyCollection<int> orderIds)
    {
        var versions = orderIds.Distinct().ToDictionary(id => id, _ => 0);
        if (orderIds.Count == 0)
            return versions;
        var ids = orderIds.ToArray();
        foreach (var change in await _changeRepository.GetAllAsync(query => query.Where(c => ids.Contains(c.OrderId))))
            versions[change.OrderId] = change.ChangeVersion;
        return versions;
    }

    public virtual async Task<OneCOrderExport?> FindExportAsync(int orderId)
    {
        var rows = await _exportRepository.GetAllAsync(query => query.Where(s => s.OrderId == orderId));
        return rows.FirstOrDefault();
    }

    public virtual async Task<IList<OneCOrderExport>> GetExportsAsync(IReadOnlyCollection<int> orderIds)
    {
        if (orderIds.Count == 0)
            return [];
        var ids = orderIds.ToArray();
        return await _exportRepository.GetAllAsync(query => query.Where(s => ids.Contains(s.OrderId)));
    }

    public virtual Task<IList<OneCOrderExport>> GetHandedOutAsync(string sessionId) =>
        _exportRepository.GetAllAsync(query => query.Where(s => s.HandedOutSessionId == sessionId));

    /// <summary>A bulk insert: only the exchange, one at a time, writes this table.</summary>
    public virtual Task InsertAsync(IList<OneCOrderExport> exports) =>
        exports.Count == 0 ? Task.CompletedTask : _exportRepository.InsertAsync(exports, false);

    public virtual Task UpdateAsync(IList<OneCOrderExport> exports) =>
        exports.Count == 0 ? Task.CompletedTask : _exportRepository.UpdateAsync(exports, false);

    /// <summary>
    /// Writes the hand-out and confirmation columns of many rows set-based (one statement per 6,000 rows on
    /// PostgreSQL and MySQL, nopCommerce's list update on SQL Server), not one statement per order.
    /// </summary>
    public virtual Task UpdateHandOutsAsync(IList<OneCOrderExport> exports) =>
        _updater.UpdateAsync(_exportRepository, exports, HandOutColumns, false);
}
