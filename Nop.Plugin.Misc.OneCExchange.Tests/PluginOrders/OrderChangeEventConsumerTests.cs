using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Core.Events;
using NUnit.Framework;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

public class OrderChangeEventConsumerTests
{
    private FakeNopStore _store = null!;
    private Order _order = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new FakeNopStore();
        _order = _store.PlaceOrder();
    }

    private int Version => _store.ExportStates.Rows.Single(s => s.OrderId == _order.Id).ChangeVersion;

    private static IEnumerable<TestCaseData> OrderEvents()
    {
        yield return new TestCaseData((Func<Order, object>)(o => new OrderPaidEvent(o))).SetName("Paid");
        yield return new TestCaseData((Func<Order, object>)(o => new OrderAuthorizedEvent(o))).SetName("Authorized");
        yield return new TestCaseData((Func<Order, object>)(o => new OrderStatusChangedEvent(o, OrderStatus.Pending))).SetName("StatusChanged");
        yield return new TestCaseData((Func<Order, object>)(o => new OrderRefundedEvent(o, 10m))).SetName("Refunded");
        yield return new TestCaseData((Func<Order, object>)(o => new OrderVoidedEvent(o))).SetName("Voided");
        yield return new TestCaseData((Func<Order, object>)(o => new EntityUpdatedEvent<Order>(o))).SetName("OrderEdited");
        yield return new TestCaseData((Func<Order, object>)(o => new EntityInsertedEvent<OrderItem>(new OrderItem { OrderId = o.Id }))).SetName("ItemAdded");
        yield return new TestCaseData((Func<Order, object>)(o => new EntityUpdatedEvent<OrderItem>(new OrderItem { OrderId = o.Id }))).SetName("ItemEdited");
        yield return new TestCaseData((Func<Order, object>)(o => new EntityDeletedEvent<OrderItem>(new OrderItem { OrderId = o.Id }))).SetName("ItemDeleted");
        yield return new TestCaseData((Func<Order, object>)(o => new ShipmentSentEvent(new Shipment { OrderId = o.Id }))).SetName("ShipmentSent");
        yield return new TestCaseData((Func<Order, object>)(o => new ShipmentDeliveredEvent(new Shipment { OrderId = o.Id }))).SetName("ShipmentDelivered");
    }

    [TestCaseSource(nameof(OrderEvents))]
    public async Task Every_order_event_raises_the_change_version(Func<Order, object> createEvent)
    {
        var before = Version;

        await PublishAsync(createEvent(_order));

        Assert.That(Version, Is.EqualTo(before + 1));
    }

    [Test]
    public void Placing_an_order_creates_its_state_due_for_export_with_the_status_date()
    {
        var state = _store.ExportStates.Rows.Single(s => s.OrderId == _order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(state.ChangeVersion, Is.EqualTo(1));
            Assert.That(state.ExportedVersion, Is.Zero);
            Assert.That(state.StatusChangedOnUtc, Is.Not.Null);
        });
    }

    [Test]
    public async Task Only_status_events_move_the_status_date()
    {
        var state = _store.ExportStates.Rows.Single(s => s.OrderId == _order.Id);
        state.StatusChangedOnUtc = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        await PublishAsync(new OrderPaidEvent(_order));
        Assert.That(state.StatusChangedOnUtc, Is.EqualTo(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        await PublishAsync(new OrderStatusChangedEvent(_order, OrderStatus.Pending));
        Assert.That(state.StatusChangedOnUtc, Is.GreaterThan(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public async Task An_event_for_an_order_without_state_creates_it_due()
    {
        var old = _store.Orders.Add(new Order { OrderGuid = Guid.NewGuid() });

        await PublishAsync(new OrderPaidEvent(old));

        var state = _store.ExportStates.Rows.Single(s => s.OrderId == old.Id);
        Assert.That(state.ChangeVersion, Is.GreaterThan(state.ExportedVersion));
    }

    private Task PublishAsync(object @event) =>
        (Task)typeof(FakeEventPublisher).GetMethod(nameof(FakeEventPublisher.PublishAsync))!
            .MakeGenericMethod(@event.GetType()).Invoke(_store.Events, [@event])!;
}
