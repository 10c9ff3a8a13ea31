using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Core.Events;
using Nop.Services.Catalog;
using Nop.Services.Orders;
using Nop.Services.Shipping;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// 1C's shipment and delivery of an order, as the admin ships it: the order's unsent shipments and one new shipment of
/// the items not in a shipment yet are shipped (or, for pickup, made ready), shipped ones are marked delivered.
/// </summary>
public class OrderShipmentWriter
{
    #region Fields

    protected readonly IOrderService _orderService;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IShipmentService _shipmentService;
    protected readonly IProductService _productService;
    protected readonly IEventPublisher _eventPublisher;

    #endregion

    #region Ctor

    public OrderShipmentWriter(IOrderService orderService,
        IOrderProcessingService orderProcessingService,
        IShipmentService shipmentService,
        IProductService productService,
        IEventPublisher eventPublisher)
    {
        _orderService = orderService;
        _orderProcessingService = orderProcessingService;
        _shipmentService = shipmentService;
        _productService = productService;
        _eventPublisher = eventPublisher;
    }

    #endregion

    /// <summary>Ships what is not shipped yet: the order's unsent shipments, then one new shipment with the remaining items.</summary>
    public virtual async Task<Order> ShipAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
        List<ExchangeMessage> rejected)
    {
        var shippingStatus = (ShippingStatus)order.ShippingStatusId;
        if (shippingStatus is ShippingStatus.Shipped or ShippingStatus.Delivered)
            return order;
        if (order.OrderStatusId == (int)OrderStatus.Cancelled)
        {
            rejected.Add(ExchangeMessage.Of(MessageKeys.OrderRejectedCancelledCannotShip));
            return order;
        }
        if (shippingStatus == ShippingStatus.ShippingNotRequired)
        {
            rejected.Add(ExchangeMessage.Of(MessageKeys.OrderRejectedShippingNotRequired));
            return order;
        }

        var existing = await _shipmentService.GetShipmentsByOrderIdAsync(order.Id);
        var shipments = existing
            .Where(s => s.ShippedDateUtc == null && (!order.PickupInStore || s.ReadyForPickupDateUtc == null))
            .ToList();
        if (await CreateShipmentAsync(order, command) is { } created)
            shipments.Add(created);
        if (shipments.Count == 0)
        {
            // Everything is already in shipments sent (or, for pickup, made ready) earlier: 1C repeats what is done.
            if (existing.Count == 0)
                rejected.Add(ExchangeMessage.Of(MessageKeys.OrderRejectedNothingToShip));
            return order;
        }

        foreach (var shipment in shipments)
        {
            if (order.PickupInStore)
                await _orderProcessingService.ReadyForPickupAsync(shipment, command.NotifyCustomer);
            else
                await _orderProcessingService.ShipAsync(shipment, command.NotifyCustomer);
        }
        applied.Add(ExchangeMessage.Of(order.PickupInStore ? MessageKeys.OrderAppliedReadyForPickup : MessageKeys.OrderAppliedShipped,
            OneCDocumentReference.Format(command.ShipmentNumber, command.ShipmentDate)));
        return await ReloadAsync(order);
    }

    /// <summary>Marks every shipped (or, for pickup, ready) shipment delivered, as the admin's "set as delivered" does.</summary>
    public virtual async Task<Order> DeliverAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied)
    {
        var shipments = (await _shipmentService.GetShipmentsByOrderIdAsync(order.Id))
            .Where(s => s.DeliveryDateUtc == null && (order.PickupInStore ? s.ReadyForPickupDateUtc != null : s.ShippedDateUtc != null))
            .ToList();
        if (shipments.Count == 0)
            return order;
        foreach (var shipment in shipments)
            await _orderProcessingService.DeliverAsync(shipment, command.NotifyCustomer);
        applied.Add(ExchangeMessage.Of(MessageKeys.OrderAppliedDelivered));
        return await ReloadAsync(order);
    }

    /// <summary>A shipment of every item not yet in a shipment (as the admin's "add shipment" does), or null when none is left.</summary>
    protected virtual async Task<Shipment?> CreateShipmentAsync(Order order, OrderChangeCommand command)
    {
        var items = new List<ShipmentItem>();
        decimal? totalWeight = null;
        foreach (var orderItem in await _orderService.GetOrderItemsAsync(order.Id, isShipEnabled: true))
        {
            var quantity = await _orderService.GetTotalNumberOfItemsCanBeAddedToShipmentAsync(orderItem);
            if (quantity <= 0)
                continue;
            var product = await _productService.GetProductByIdAsync(orderItem.ProductId);
            items.Add(new ShipmentItem
            {
                OrderItemId = orderItem.Id,
                Quantity = quantity,
                WarehouseId = product == null ? 0 : await GetWarehouseIdAsync(product, quantity),
            });
            if (orderItem.ItemWeight is decimal weight)
                totalWeight = (totalWeight ?? 0) + weight * quantity;
        }
        if (items.Count == 0)
            return null;

        var shipment = new Shipment
        {
            OrderId = order.Id,
            TrackingNumber = command.ShipmentNumber,
            TotalWeight = totalWeight,
            AdminComment = "1C" + OneCDocumentReference.Format(command.ShipmentNumber, command.ShipmentDate),
            CreatedOnUtc = DateTime.UtcNow,
        };
        await _shipmentService.InsertShipmentAsync(shipment);
        foreach (var item in items)
        {
            item.ShipmentId = shipment.Id;
            await _shipmentService.InsertShipmentItemAsync(item);
        }
        await _eventPublisher.PublishAsync(new ShipmentCreatedEvent(shipment));
        return shipment;
    }

    /// <summary>The product's warehouse; with multiple warehouses, the one holding the order's reservation.</summary>
    protected virtual async Task<int> GetWarehouseIdAsync(Product product, int quantity)
    {
        if (product.ManageInventoryMethodId != (int)ManageInventoryMethod.ManageStock || !product.UseMultipleWarehouses)
            return product.WarehouseId;
        var inventories = await _productService.GetAllProductWarehouseInventoryRecordsAsync(product.Id);
        return inventories
            .OrderByDescending(i => i.ReservedQuantity >= quantity)
            .ThenByDescending(i => i.ReservedQuantity)
            .ThenByDescending(i => i.StockQuantity)
            .Select(i => i.WarehouseId)
            .FirstOrDefault(product.WarehouseId);
    }

    protected virtual async Task<Order> ReloadAsync(Order order) => await _orderService.GetOrderByIdAsync(order.Id) ?? order;
}
