using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>Reads and writes the orders' export state rows (<see cref="OneCOrderExport"/>).</summary>
public class OrderExportStateService
{
    private readonly IRepository<OneCOrderExport> _exportRepository;

    public OrderExportStateService(IRepository<OneCOrderExport> exportRepository)
    {
        _exportRepository = exportRepository;
    }

    /// <summary>Records that the order changed: its version rises, so it is due for 1C again.</summary>
    public virtual async Task RecordChangeAsync(int orderId, bool statusChanged)
    {
        var now = DateTime.UtcNow;
        var state = await FindAsync(orderId);
        if (state == null)
        {
            await _exportRepository.InsertAsync(NewState(orderId, now, statusChanged ? now : null), false);
            return;
        }

        state.ChangeVersion++;
        state.ChangedOnUtc = now;
        if (statusChanged)
            state.StatusChangedOnUtc = now;
        await _exportRepository.UpdateAsync(state, false);
    }

    public virtual async Task<OneCOrderExport?> FindAsync(int orderId)
    {
        var rows = await _exportRepository.GetAllAsync(query => query.Where(s => s.OrderId == orderId));
        return rows.FirstOrDefault();
    }

    public virtual async Task<IList<OneCOrderExport>> GetByOrderIdsAsync(IReadOnlyCollection<int> orderIds)
    {
        if (orderIds.Count == 0)
            return [];
        var ids = orderIds.ToArray();
        return await _exportRepository.GetAllAsync(query => query.Where(s => ids.Contains(s.OrderId)));
    }

    public virtual Task<IList<OneCOrderExport>> GetHandedOutAsync(string sessionId) =>
        _exportRepository.GetAllAsync(query => query.Where(s => s.HandedOutSessionId == sessionId));

    public virtual Task InsertAsync(IList<OneCOrderExport> states) =>
        states.Count == 0 ? Task.CompletedTask : _exportRepository.InsertAsync(states, false);

    public virtual Task UpdateAsync(IList<OneCOrderExport> states) =>
        states.Count == 0 ? Task.CompletedTask : _exportRepository.UpdateAsync(states, false);

    /// <summary>The state of an order that has no row yet: version 1, never exported.</summary>
    public static OneCOrderExport NewState(int orderId, DateTime nowUtc, DateTime? statusChangedOnUtc = null) => new()
    {
        OrderId = orderId,
        ChangeVersion = 1,
        ExportedVersion = 0,
        ChangedOnUtc = nowUtc,
        StatusChangedOnUtc = statusChangedOnUtc,
    };
}
