using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

public class OrderChangeSinkTests
{
    private static readonly OrderExportFilter All = new([], PaidOnly: false, CreatedFromUtc: null, MaxOrders: 100);

    private FakeNopStore _store = null!;
    private Order _order = null!;

    [SetUp]
    public async Task SetUp()
    {
        _store = new FakeNopStore();
        _order = _store.PlaceOrder(items:
        [
            (_store.AddProduct("Стол"), 2, 1000m),
            (_store.AddProduct("Стул"), 4, 250m),
            (_store.AddProduct("Электронная книга", shipEnabled: false), 1, 300m),
        ]);
        // The usual sale conversation: 1C has loaded the order (query + success) before it sends changes back.
        await _store.Source.HandOutAsync("s1", All, CancellationToken.None);
        await _store.Source.ConfirmAsync("s1", CancellationToken.None);
    }

    private static OrderChangeCommand Command(string? id, string? number = null, Func<OrderChangeCommand, OrderChangeCommand>? with = null)
    {
        var command = new OrderChangeCommand
        {
            Change = new OrderChange { Location = new SourceLocation("orders.xml", 1, 1), Id = id, Number = number },
        };
        return with == null ? command : with(command);
    }

    private OrderChangeCommand For(Func<OrderChangeCommand, OrderChangeCommand> with) => Command(_order.Id.ToString(), with: with);

    private Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command) => _store.Sink.ApplyAsync(command, CancellationToken.None);

    private async Task<bool> IsDueAsync() =>
        (await _store.Source.HandOutAsync("check", All, CancellationToken.None)).Any(h => h.OrderId == _order.Id);

    private List<OrderItem> ShippableItems() => _store.OrderItems.Rows
        .Where(i => i.OrderId == _order.Id && _store.Products.Rows.Single(p => p.Id == i.ProductId).IsShipEnabled)
        .ToList();

    private IReadOnlyList<OrderNote> Notes => _store.OrderNotes.Rows.Where(n => n.OrderId == _order.Id).ToList();

    [Test]
    public async Task OneC_number_and_date_are_stored_for_the_admin_and_noted()
    {
        var date = new DateTime(2026, 3, 2, 10, 15, 0);

        var result = await ApplyAsync(For(c => c with { OneCNumber = "ЦБ-000123", OneCDate = date }));

        var state = _store.ExportStates.Rows.Single(s => s.OrderId == _order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(OrderChangeOutcome.Applied));
            Assert.That(result.OrderId, Is.EqualTo(_order.Id));
            Assert.That(state.Number1C, Is.EqualTo("ЦБ-000123"));
            Assert.That(state.Date1C, Is.EqualTo(date));
            Assert.That(Notes.Single().Note, Does.Contain("ЦБ-000123").And.Contain("2026-03-02"));
            Assert.That(Notes.Single().DisplayToCustomer, Is.False);
        });
    }

    [Test]
    public async Task The_same_document_twice_changes_nothing_the_second_time()
    {
        var command = For(c => c with { OneCNumber = "ЦБ-1", MarkPaid = true, MarkShipped = true });

        await ApplyAsync(command);
        var second = await ApplyAsync(command);

        Assert.Multiple(() =>
        {
            Assert.That(second.Outcome, Is.EqualTo(OrderChangeOutcome.Unchanged));
            Assert.That(second.Applied, Is.Empty);
            Assert.That(_store.Shipments.Rows, Has.Count.EqualTo(1));
            Assert.That(Notes, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Paid_marks_the_order_paid_through_order_processing()
    {
        var result = await ApplyAsync(For(c => c with { MarkPaid = true, PaymentNumber = "ПП-77" }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Applied.Select(m => m.Key), Has.Some.EqualTo(MessageKeys.OrderAppliedPaid));
            Assert.That(_order.PaymentStatusId, Is.EqualTo((int)PaymentStatus.Paid));
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Processing), "nopCommerce moves a paid pending order on");
            Assert.That(_store.Events.Published.OfType<OrderPaidEvent>().Count(), Is.EqualTo(1));
            Assert.That(_store.ExportStates.Rows.Single(s => s.OrderId == _order.Id).PaymentNumber1C, Is.EqualTo("ПП-77"));
        });
    }

    [Test]
    public async Task Shipped_creates_one_shipment_of_all_shippable_items_and_ships_it()
    {
        var result = await ApplyAsync(For(c => c with { MarkShipped = true, ShipmentNumber = "РН-5", NotifyCustomer = true }));

        var shipment = _store.Shipments.Rows.Single();
        var shippable = ShippableItems();
        Assert.Multiple(() =>
        {
            Assert.That(result.Applied.Select(m => m.Key), Has.Some.EqualTo(MessageKeys.OrderAppliedShipped));
            Assert.That(shipment.OrderId, Is.EqualTo(_order.Id));
            Assert.That(shipment.TrackingNumber, Is.EqualTo("РН-5"));
            Assert.That(_store.ShipmentItems.Rows.Select(s => (s.OrderItemId, s.Quantity)),
                Is.EquivalentTo(shippable.Select(i => (i.Id, i.Quantity))));
            Assert.That(_store.OrderProcessing.Shipped, Is.EqualTo(new[] { (shipment, true) }));
            Assert.That(_order.ShippingStatusId, Is.EqualTo((int)ShippingStatus.Shipped));
            Assert.That(_store.Events.Published.OfType<ShipmentCreatedEvent>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Shipped_ships_what_the_admin_already_put_into_a_shipment_and_the_rest_in_a_new_one()
    {
        var table = _store.OrderItems.Rows.First(i => i.OrderId == _order.Id);
        var existing = _store.Shipments.Add(new Shipment { OrderId = _order.Id });
        _store.ShipmentItems.Add(new ShipmentItem { ShipmentId = existing.Id, OrderItemId = table.Id, Quantity = table.Quantity });

        await ApplyAsync(For(c => c with { MarkShipped = true }));

        Assert.Multiple(() =>
        {
            Assert.That(_store.Shipments.Rows, Has.Count.EqualTo(2));
            Assert.That(_store.Shipments.Rows.All(s => s.ShippedDateUtc != null));
            Assert.That(_store.ShipmentItems.Rows.Sum(s => s.Quantity),
                Is.EqualTo(ShippableItems().Sum(i => i.Quantity)), "nothing is shipped twice");
            Assert.That(_order.ShippingStatusId, Is.EqualTo((int)ShippingStatus.Shipped));
        });
    }

    [Test]
    public async Task Pickup_order_shipped_in_1C_is_made_ready_for_pickup_once()
    {
        _order.PickupInStore = true;
        var command = For(c => c with { MarkShipped = true });

        var first = await ApplyAsync(command);
        var second = await ApplyAsync(command);

        Assert.Multiple(() =>
        {
            Assert.That(first.Applied.Select(m => m.Key), Has.Some.EqualTo(MessageKeys.OrderAppliedReadyForPickup));
            Assert.That(_store.Shipments.Rows.Single().ReadyForPickupDateUtc, Is.Not.Null);
            Assert.That(_store.OrderProcessing.Shipped, Is.Empty, "nopCommerce refuses to ship a pickup order");
            Assert.That(second.Outcome, Is.EqualTo(OrderChangeOutcome.Unchanged));
            Assert.That(second.Rejected, Is.Empty);
        });
    }

    [Test]
    public async Task Cancelled_or_deletion_mark_cancels_through_order_processing()
    {
        var result = await ApplyAsync(For(c => c with { Cancel = true, NotifyCustomer = true }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Applied, Does.Contain(ExchangeMessage.Of(MessageKeys.OrderAppliedCancelled)));
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Cancelled));
            Assert.That(_store.OrderProcessing.Cancelled, Is.EqualTo(new[] { (_order, true) }));
        });
    }

    [Test]
    public async Task Status_mapped_from_1C_is_set_as_the_admin_does_and_the_customer_is_notified_when_asked()
    {
        var result = await ApplyAsync(For(c => c with { TargetStatus = StoreOrderStatus.Complete, OneCStatus = "[F] Выполнен", NotifyCustomer = true }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Applied, Has.Some.EqualTo(ExchangeMessage.Of(MessageKeys.OrderAppliedStatusFrom1C, "Localized Complete", "[F] Выполнен")));
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Complete));
            Assert.That(_store.Events.Published.OfType<OrderStatusChangedEvent>().Last().PreviousOrderStatus, Is.EqualTo(OrderStatus.Pending));
            Assert.That(_store.Platform.Notifications, Is.EqualTo(new[] { ("completed", _order) }));
            Assert.That(_store.ExportStates.Rows.Single(s => s.OrderId == _order.Id).Status1C, Is.EqualTo("[F] Выполнен"));
        });
    }

    [Test]
    public async Task Mapped_status_cancelled_goes_through_cancellation()
    {
        await ApplyAsync(For(c => c with { TargetStatus = StoreOrderStatus.Cancelled }));

        Assert.That(_store.OrderProcessing.Cancelled, Has.Count.EqualTo(1));
        Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Cancelled));
    }

    [Test]
    public async Task Illegal_transitions_are_reported_and_not_applied_while_the_other_steps_apply()
    {
        await _store.OrderProcessing.CancelOrderAsync(_order, false);

        var result = await ApplyAsync(For(c => c with
        {
            OneCNumber = "ЦБ-9", MarkPaid = true, MarkShipped = true, TargetStatus = StoreOrderStatus.Processing,
        }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Rejected, Has.Count.EqualTo(3), string.Join(" | ", result.Rejected));
            Assert.That(result.Applied, Has.Count.EqualTo(1), "the 1C number is still stored");
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Cancelled));
            Assert.That(_order.PaymentStatusId, Is.EqualTo((int)PaymentStatus.Pending));
            Assert.That(_store.Shipments.Rows, Is.Empty);
            Assert.That(Notes.Last().Note, Does.Contain("Не применено"), "with no store resources the note has Core's (Russian) text");
        });
    }

    [Test]
    public async Task After_a_store_failure_the_repeated_document_completes_without_repeating_what_was_done()
    {
        _store.OrderProcessing.FailShipping = true;
        var command = For(c => c with { MarkPaid = true, MarkShipped = true });

        Assert.ThrowsAsync<InvalidOperationException>(() => ApplyAsync(command));
        _store.OrderProcessing.FailShipping = false;
        var retry = await ApplyAsync(command);

        Assert.Multiple(() =>
        {
            Assert.That(retry.Applied.Select(m => m.Key), Is.EqualTo(new[] { MessageKeys.OrderAppliedShipped }), "paid already, so only shipping is left");
            Assert.That(_store.Events.Published.OfType<OrderPaidEvent>().Count(), Is.EqualTo(1));
            Assert.That(_store.Shipments.Rows, Has.Count.EqualTo(1), "the shipment created before the failure is the one shipped");
            Assert.That(_store.Shipments.Rows.Single().ShippedDateUtc, Is.Not.Null);
            Assert.That(_order.ShippingStatusId, Is.EqualTo((int)ShippingStatus.Shipped));
        });
    }

    [Test]
    public async Task Unknown_order_is_reported_and_nothing_changes()
    {
        var result = await ApplyAsync(Command("999999", "НЕТ-1", c => c with { MarkPaid = true, Cancel = true }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(OrderChangeOutcome.UnknownOrder));
            Assert.That(result.OrderId, Is.Null);
            Assert.That(_store.OrderNotes.Rows, Is.Empty);
            Assert.That(_store.OrderProcessing.Cancelled, Is.Empty);
            Assert.That(_order.PaymentStatusId, Is.EqualTo((int)PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task Order_is_found_by_its_number_when_the_id_is_not_ours()
    {
        _order.CustomOrderNumber = "SITE-42";

        var result = await ApplyAsync(Command("a6b2c3d4-1c-own-id", "SITE-42", c => c with { MarkPaid = true }));

        Assert.That(result.OrderId, Is.EqualTo(_order.Id));
        Assert.That(_order.PaymentStatusId, Is.EqualTo((int)PaymentStatus.Paid));
    }

    [Test]
    public async Task Order_is_found_by_its_guid()
    {
        var result = await ApplyAsync(Command(_order.OrderGuid.ToString(), with: c => c with { MarkPaid = true }));

        Assert.That(result.OrderId, Is.EqualTo(_order.Id));
    }

    [Test]
    public async Task Changes_applied_from_1C_are_not_sent_back_to_1C()
    {
        await ApplyAsync(For(c => c with { MarkPaid = true, MarkShipped = true, TargetStatus = StoreOrderStatus.Complete }));

        Assert.That(await IsDueAsync(), Is.False);
    }

    [Test]
    public async Task A_store_change_not_yet_exported_is_still_sent_after_a_change_from_1C()
    {
        _order.ShippingMethod = "Самовывоз";
        await _store.OrderService.UpdateOrderAsync(_order);

        await ApplyAsync(For(c => c with { MarkPaid = true }));

        Assert.That(await IsDueAsync(), Is.True);
    }
}
