using Nop.Core.Events;
using Nop.Services.Events;

namespace OneCExchange.Tests.Fakes;

/// <summary>
/// Records every published event and hands it to the registered consumers in the publishing call, as nopCommerce's
/// EventPublisher does.
/// </summary>
public sealed class FakeEventPublisher : IEventPublisher
{
    private readonly List<object> _consumers = [];
    private readonly List<Action<object>> _handlers = [];

    public List<object> Published { get; } = [];

    /// <summary>Registers an <see cref="IConsumer{T}"/> of one or more event types.</summary>
    public void Subscribe(object consumer) => _consumers.Add(consumer);

    /// <summary>Registers a handler of one event type.</summary>
    public void Consume<TEvent>(Action<TEvent> handler) => _handlers.Add(e => { if (e is TEvent typed) handler(typed); });

    public async Task PublishAsync<TEvent>(TEvent @event)
    {
        Published.Add(@event!);
        foreach (var handler in _handlers)
            handler(@event!);
        foreach (var consumer in _consumers.OfType<IConsumer<TEvent>>())
            await consumer.HandleEventAsync(@event);
    }
}
