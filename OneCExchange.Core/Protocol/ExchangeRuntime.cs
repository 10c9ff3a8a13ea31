namespace OneCExchange.Core.Protocol;

/// <summary>
/// What the exchange keeps for the life of the process (one instance per host, shared by all requests): only caches
/// that are checked against the state store before use, never anything that decides an answer.
/// </summary>
public sealed class ExchangeRuntime(TimeProvider time)
{
    public ExchangeRuntime() : this(TimeProvider.System)
    {
    }

    public TimeProvider Time { get; } = time;

    /// <summary>This process among the processes of a web farm (and across restarts).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public LiveImportRegistry LiveImports { get; } = new();
    public ListenSlots Listens { get; } = new();
}
