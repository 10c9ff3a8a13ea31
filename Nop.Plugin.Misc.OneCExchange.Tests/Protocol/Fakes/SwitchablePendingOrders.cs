using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Protocol.Fakes;

/// <summary>Pending orders the test switches on; counts how often the endpoint asked.</summary>
public sealed class SwitchablePendingOrders : IPendingOrders
{
    private volatile bool _pending;
    private int _asked;

    public bool Pending { get => _pending; set => _pending = value; }

    public int Asked => Volatile.Read(ref _asked);

    public Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asked);
        return Task.FromResult(_pending);
    }
}
