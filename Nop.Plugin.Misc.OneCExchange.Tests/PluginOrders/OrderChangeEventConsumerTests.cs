using NUnit.Framework;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Core.Events;
using OneCExchange.Tests.Fakes;
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

    private int Version => _store.Changes.Rows.Single(c => c.OrderId == _order.Id).ChangeVersion;

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
    public void Placing_an_order_records_its_first_version_and_status_date_and_no_export()
    {
        var change = _store.Changes.Rows.Single(c => c.OrderId == _order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(change.ChangeVersion, Is.EqualTo(1));
            Assert.That(change.StatusChangedOnUtc, Is.Not.Null);
            Assert.That(_store.ExportStates.Rows, Is.Empty, "only the exchange writes the export state");
        });
    }

    [Test]
    public async Task Only_status_events_move_the_status_date()
    {
        var longAgo = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        _store.Changes.Rows.Single(c => c.OrderId == _order.Id).StatusChangedOnUtc = longAgo;
        DateTime? StatusDate() => _store.Changes.Rows.Single(c => c.OrderId == _order.Id).StatusChangedOnUtc;

        await PublishAsync(new OrderPaidEvent(_order));
        Assert.That(StatusDate(), Is.EqualTo(longAgo));

        await PublishAsync(new OrderStatusChangedEvent(_order, OrderStatus.Pending));
        Assert.That(StatusDate(), Is.GreaterThan(longAgo));
    }

    [Test]
    public async Task An_event_for_an_order_placed_before_the_plugin_starts_its_versions()
    {
        var old = _store.Orders.Add(new Order { OrderGuid = Guid.NewGuid() });

        await PublishAsync(new OrderPaidEvent(old));

        Assert.That(_store.Changes.Rows.Single(c => c.OrderId == old.Id).ChangeVersion, Is.EqualTo(1));
    }

    private Task PublishAsync(object @event) =>
        (Task)typeof(FakeEventPublisher).GetMethod(nameof(FakeEventPublisher.PublishAsync))!
            .MakeGenericMethod(@event.GetType()).Invoke(_store.Events, [@event])!;
}
