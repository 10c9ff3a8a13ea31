using Nop.Core.Events;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>Records published events and runs the consumers a test registers, in the publishing call as nop does.</summary>
public sealed class FakeEventPublisher : IEventPublisher
{
    private readonly List<Action<object>> _consumers = [];

    public List<object> Published { get; } = [];

    public void Consume<TEvent>(Action<TEvent> consumer) => _consumers.Add(e => { if (e is TEvent typed) consumer(typed); });

    public Task PublishAsync<TEvent>(TEvent @event)
    {
        Published.Add(@event!);
        foreach (var consumer in _consumers)
            consumer(@event!);
        return Task.CompletedTask;
    }
}
