using Nop.Core.Events;
using Nop.Services.Events;

namespace OneCExchange.Tests.PluginOrders.Fakes;

/// <summary>Publishes to the registered consumers synchronously, as nopCommerce's EventPublisher does, and records every event.</summary>
public sealed class FakeEventPublisher : IEventPublisher
{
    private readonly List<object> _consumers = [];

    public List<object> Published { get; } = [];

    public void Subscribe(object consumer) => _consumers.Add(consumer);

    public async Task PublishAsync<TEvent>(TEvent @event)
    {
        Published.Add(@event!);
        foreach (var consumer in _consumers.OfType<IConsumer<TEvent>>())
            await consumer.HandleEventAsync(@event);
    }
}
