using OneCExchange.Core.Security;

namespace OneCExchange.Core.Protocol;

/// <summary>What the exchange keeps for the life of the process (one instance per host, shared by all requests).</summary>
public sealed class ExchangeRuntime(TimeProvider time)
{
    public ExchangeRuntime() : this(TimeProvider.System)
    {
    }

    public TimeProvider Time { get; } = time;
    public LoginThrottle LoginThrottle { get; } = new(time);
    public LiveImportRegistry LiveImports { get; } = new();
    public ListenSlots Listens { get; } = new();
}
