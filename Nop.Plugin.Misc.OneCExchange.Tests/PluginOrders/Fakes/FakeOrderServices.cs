using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Core.Events;
using Nop.Services.Orders;
using Nop.Services.Shipping;

namespace OneCExchange.Tests.PluginOrders.Fakes;

/// <summary>IOrderService over the fake store; updates publish EntityUpdatedEvent as nopCommerce's repository does.</summary>
public sealed class FakeOrderService(FakeNopStore store) : IOrderService
{
    public Task<Order> GetOrderByIdAsync(int orderId) => Task.FromResult(store.Orders.Rows.FirstOrDefault(o => o.Id == orderId)!);

    public Task<Order> GetOrderByCustomOrderNumberAsync(string customOrderNumber) =>
        Task.FromResult(store.Orders.Rows.FirstOrDefault(o => o.CustomOrderNumber == customOrderNumber)!);

    public Task<IList<Order>> GetOrdersByIdsAsync(int[] orderIds) =>
        Task.FromResult<IList<Order>>(store.Orders.Rows.Where(o => orderIds.Contains(o.Id)).ToList());

    public Task<Order> GetOrderByGuidAsync(Guid orderGuid) =>
        Task.FromResult(store.Orders.Rows.FirstOrDefault(o => o.OrderGuid == orderGuid)!);

    public async Task UpdateOrderAsync(Order order)
    {
        await store.Orders.UpdateAsync(order);
        await store.Events.PublishAsync(new EntityUpdatedEvent<Order>(order));
    }

    public Task<IList<OrderItem>> GetOrderItemsAsync(int orderId, bool? isNotReturnable = null, bool? isShipEnabled = null, int vendorId = 0) =>
        Task.FromResult<IList<OrderItem>>(store.OrderItems.Rows
            .Where(i => i.OrderId == orderId)
            .Where(i => isShipEnabled == null || store.Products.Rows.Any(p => p.Id == i.ProductId && p.IsShipEnabled == isShipEnabled))
            .ToList());

    public Task<int> GetTotalNumberOfItemsCanBeAddedToShipmentAsync(OrderItem orderItem)
    {
        var inShipments = store.ShipmentItems.Rows.Where(s => s.OrderItemId == orderItem.Id).Sum(s => s.Quantity);
        return Task.FromResult(orderItem.Quantity - inShipments);
    }

    public Task InsertOrderNoteAsync(OrderNote orderNote) => store.OrderNotes.InsertAsync(orderNote);
}

/// <summary>
/// The parts of nopCommerce's OrderProcessingService the sink uses, with the same rules for what is allowed and the
/// same events (paid, status changed, shipment sent) and resulting statuses.
/// </summary>
public sealed class FakeOrderProcessingService(FakeNopStore store, FakeOrderService orderService) : IOrderProcessingService
{
    public List<(Shipment Shipment, bool Notify)> Shipped { get; } = [];
    public List<(Order Order, bool Notify)> Cancelled { get; } = [];

    /// <summary>Makes ShipAsync fail as a store failure would (e.g. the database going away).</summary>
    public bool FailShipping { get; set; }

    private async Task CheckOrderStatusAsync(Order order)
    {
        var paid = order.PaymentStatusId == (int)PaymentStatus.Paid;
        if (order.OrderStatusId == (int)OrderStatus.Pending && paid)
            await SetStatusAsync(order, OrderStatus.Processing);
        if (order.OrderStatusId != (int)OrderStatus.Cancelled && paid
            && order.ShippingStatusId is (int)ShippingStatus.Shipped or (int)ShippingStatus.Delivered or (int)ShippingStatus.ShippingNotRequired)
            await SetStatusAsync(order, OrderStatus.Complete);
    }

    public async Task ShipAsync(Shipment shipment, bool notifyCustomer)
    {
        if (FailShipping)
            throw new InvalidOperationException("Database is not available");
        var order = await orderService.GetOrderByIdAsync(shipment.OrderId);
        if (order.PickupInStore)
            throw new InvalidOperationException("This shipment can't be shipped: pickup in store.");
        if (shipment.ShippedDateUtc.HasValue)
            throw new InvalidOperationException("This shipment is already shipped");
        shipment.ShippedDateUtc = DateTime.UtcNow;
        Shipped.Add((shipment, notifyCustomer));
        order.ShippingStatusId = (int)(await HasUnshippedItemsAsync(order) ? ShippingStatus.PartiallyShipped : ShippingStatus.Shipped);
        await orderService.UpdateOrderAsync(order);
        await store.Events.PublishAsync(new ShipmentSentEvent(shipment));
        await CheckOrderStatusAsync(order);
    }

    public Task ReadyForPickupAsync(Shipment shipment, bool notifyCustomer)
    {
        shipment.ReadyForPickupDateUtc = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public List<(Shipment Shipment, bool Notify)> Delivered { get; } = [];

    public async Task DeliverAsync(Shipment shipment, bool notifyCustomer)
    {
        var order = await orderService.GetOrderByIdAsync(shipment.OrderId);
        if (!order.PickupInStore && !shipment.ShippedDateUtc.HasValue)
            throw new InvalidOperationException("This shipment is not shipped yet");
        if (shipment.DeliveryDateUtc.HasValue)
            throw new InvalidOperationException("This shipment is already delivered");
        shipment.DeliveryDateUtc = DateTime.UtcNow;
        Delivered.Add((shipment, notifyCustomer));
        if (!await HasUnshippedItemsAsync(order)
            && store.Shipments.Rows.Where(s => s.OrderId == order.Id).All(s => s.DeliveryDateUtc != null))
        {
            order.ShippingStatusId = (int)ShippingStatus.Delivered;
            await orderService.UpdateOrderAsync(order);
        }
        await CheckOrderStatusAsync(order);
    }

    public bool CanCancelOrder(Order order) => order.OrderStatusId != (int)OrderStatus.Cancelled;

    public async Task CancelOrderAsync(Order order, bool notifyCustomer)
    {
        if (!CanCancelOrder(order))
            throw new InvalidOperationException("Cannot do cancel for order.");
        Cancelled.Add((order, notifyCustomer));
        await SetStatusAsync(order, OrderStatus.Cancelled);
    }

    public bool CanMarkOrderAsPaid(Order order) =>
        order.OrderStatusId != (int)OrderStatus.Cancelled
        && order.PaymentStatusId is not ((int)PaymentStatus.Paid or (int)PaymentStatus.Refunded or (int)PaymentStatus.Voided);

    public async Task MarkOrderAsPaidAsync(Order order)
    {
        if (!CanMarkOrderAsPaid(order))
            throw new InvalidOperationException("You can't mark this order as paid");
        order.PaymentStatusId = (int)PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        await orderService.UpdateOrderAsync(order);
        await CheckOrderStatusAsync(order);
        await store.Events.PublishAsync(new OrderPaidEvent(order));
    }

    private async Task SetStatusAsync(Order order, OrderStatus status)
    {
        var previous = (OrderStatus)order.OrderStatusId;
        if (previous == status)
            return;
        order.OrderStatusId = (int)status;
        await orderService.UpdateOrderAsync(order);
        await store.Events.PublishAsync(new OrderStatusChangedEvent(order, previous));
    }

    private async Task<bool> HasUnshippedItemsAsync(Order order)
    {
        foreach (var item in await orderService.GetOrderItemsAsync(order.Id, isShipEnabled: true))
        {
            var shipped = store.ShipmentItems.Rows
                .Where(s => s.OrderItemId == item.Id && store.Shipments.Rows.Any(sh => sh.Id == s.ShipmentId && sh.ShippedDateUtc != null))
                .Sum(s => s.Quantity);
            if (shipped < item.Quantity)
                return true;
        }
        return false;
    }
}

public sealed class FakeShipmentService(FakeNopStore store) : IShipmentService
{
    public Task<IList<Shipment>> GetShipmentsByOrderIdAsync(int orderId, bool? shipped = null, bool? readyForPickup = null, int vendorId = 0) =>
        Task.FromResult<IList<Shipment>>(store.Shipments.Rows
            .Where(s => s.OrderId == orderId && (shipped == null || s.ShippedDateUtc.HasValue == shipped))
            .ToList());

    public Task InsertShipmentAsync(Shipment shipment) => store.Shipments.InsertAsync(shipment);

    public Task InsertShipmentItemAsync(ShipmentItem shipmentItem) => store.ShipmentItems.InsertAsync(shipmentItem);
}
