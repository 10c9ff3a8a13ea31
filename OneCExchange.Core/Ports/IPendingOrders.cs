namespace OneCExchange.Core.Ports;

/// <summary>
/// Whether the store holds an order the next mode=query would hand out (type=listen asks it once a second).
/// The answer comes from the database, never from process memory, so that it is right whichever store instance
/// took the order.
/// </summary>
public interface IPendingOrders
{
    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
