using System.Runtime.CompilerServices;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Orders;

/// <summary>An order store in memory with the export state the plugin keeps: a change version per order, the
/// version 1C confirmed, and what each session was handed out.</summary>
internal sealed class InMemoryOrderSource : IOrderSource
{
    private sealed class Entry
    {
        public required OrderSnapshot Snapshot;
        public required DateTime CreatedUtc;
        public long Version = 1;
        public long? ConfirmedVersion;
    }

    private readonly SortedDictionary<int, Entry> _orders = [];
    private readonly Dictionary<string, List<OrderHandOut>> _handOuts = [];

    public OrderReferenceData ReferenceData { get; set; } = new([], [], []);

    /// <summary>Reading this order's snapshot fails, as a store error would.</summary>
    public int? FailAtOrder { get; set; }

    /// <summary>Reading this order's snapshot waits until <see cref="Release"/> completes.</summary>
    public int? HoldAtOrder { get; set; }

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(OrderSnapshot snapshot, DateTime? createdUtc = null) =>
        _orders.Add(snapshot.OrderId, new Entry { Snapshot = snapshot, CreatedUtc = createdUtc ?? snapshot.CreatedOn });

    /// <summary>An order event: the snapshot changes and its version goes up.</summary>
    public void Change(int orderId, Func<OrderSnapshot, OrderSnapshot> change)
    {
        var entry = _orders[orderId];
        entry.Snapshot = change(entry.Snapshot);
        entry.Version++;
    }

    public void Delete(int orderId) => _orders.Remove(orderId);

    public bool IsConfirmedAtCurrentVersion(int orderId) => _orders[orderId].ConfirmedVersion == _orders[orderId].Version;

    public Task<IReadOnlyList<OrderHandOut>> HandOutAsync(string sessionId, OrderExportFilter filter, CancellationToken cancellationToken)
    {
        var due = _orders.Values
            .Where(entry => entry.ConfirmedVersion == null || entry.Version > entry.ConfirmedVersion)
            .Where(entry => filter.Statuses.Count == 0 || filter.Statuses.Contains(entry.Snapshot.Status))
            .Where(entry => !filter.PaidOnly || entry.Snapshot.IsPaid)
            .Where(entry => filter.CreatedFromUtc == null || entry.CreatedUtc >= filter.CreatedFromUtc)
            .Take(filter.MaxOrders)
            .Select(entry => new OrderHandOut(entry.Snapshot.OrderId, entry.Version))
            .ToList();
        _handOuts[sessionId] = due;
        return Task.FromResult<IReadOnlyList<OrderHandOut>>(due);
    }

    public async IAsyncEnumerable<OrderSnapshot> GetSnapshotsAsync(IReadOnlyList<int> orderIds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in orderIds)
        {
            await Task.Yield();
            if (id == HoldAtOrder)
                await Release.Task.WaitAsync(cancellationToken);
            if (id == FailAtOrder)
                throw new InvalidOperationException($"the store failed reading order {id}");
            if (_orders.TryGetValue(id, out var entry))
                yield return entry.Snapshot;
        }
    }

    public Task<int> ConfirmAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!_handOuts.Remove(sessionId, out var handOuts))
            return Task.FromResult(0);
        var marked = 0;
        foreach (var handOut in handOuts)
            if (_orders.TryGetValue(handOut.OrderId, out var entry))
            {
                entry.ConfirmedVersion = Math.Max(entry.ConfirmedVersion ?? 0, handOut.ChangeVersion);
                marked++;
            }
        return Task.FromResult(marked);
    }

    public Task<OrderReferenceData> GetReferenceDataAsync(CancellationToken cancellationToken) => Task.FromResult(ReferenceData);
}

internal sealed class FixedOptions(OrderExchangeOptions options) : IOrderExchangeOptionsProvider
{
    public OrderExchangeOptions Options { get; set; } = options;

    public Task<OrderExchangeOptions> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Options);
}
