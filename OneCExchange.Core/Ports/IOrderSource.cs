using OneCExchange.Core.CommerceMl.Orders;

namespace OneCExchange.Core.Ports;

/// <summary>
/// The store's orders for mode=query, two-phase. The host keeps per order a change version (raised by every order
/// event: placed, paid, status changed, shipped, edited) and the version last confirmed by 1C; "due" means never
/// confirmed, or changed since the confirmed version. Nothing depends on timestamps between query and success.
/// </summary>
public interface IOrderSource
{
    /// <summary>
    /// Selects the orders due for export that pass <paramref name="filter"/>, lowest order id first, at most
    /// <see cref="OrderExportFilter.MaxOrders"/>, and records them as handed out to <paramref name="sessionId"/> with
    /// their current change versions. A later hand-out to the same session replaces the earlier one (1C repeating
    /// mode=query without success gets the same orders again, since nothing was confirmed). Marks nothing exported.
    /// </summary>
    Task<IReadOnlyList<OrderHandOut>> HandOutAsync(string sessionId, OrderExportFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Snapshots of the given orders, in the given order; an order deleted in the meantime is skipped.
    /// Enumerated lazily so that the caller can write each one before the next is loaded.
    /// </summary>
    IAsyncEnumerable<OrderSnapshot> GetSnapshotsAsync(IReadOnlyList<int> orderIds, CancellationToken cancellationToken);

    /// <summary>
    /// mode=success: marks exported exactly the orders handed out to <paramref name="sessionId"/>, each at the version
    /// it was handed out with (an order changed after hand-out stays due and is sent again), and forgets the hand-out.
    /// Returns how many orders were marked; 0 when the session was handed nothing (a repeated success is harmless).
    /// </summary>
    Task<int> ConfirmAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The store's order statuses, payment methods and shipping methods for mode=info.</summary>
    Task<OrderReferenceData> GetReferenceDataAsync(CancellationToken cancellationToken);
}

/// <summary>An order handed out to a session, at the change version it had then.</summary>
public sealed record OrderHandOut(int OrderId, long ChangeVersion);

/// <summary>Which due orders go to 1C (from settings).</summary>
/// <param name="Statuses">Only orders in these statuses; empty means every status.</param>
/// <param name="PaidOnly">Only paid orders.</param>
/// <param name="CreatedFromUtc">Only orders placed at or after this moment (UTC); null means all.</param>
/// <param name="MaxOrders">At most this many per mode=query (the rest follow in the next exchange).</param>
public sealed record OrderExportFilter(IReadOnlyCollection<StoreOrderStatus> Statuses, bool PaidOnly, DateTime? CreatedFromUtc,
    int MaxOrders);
