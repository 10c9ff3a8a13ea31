using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Core.Events;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// Raises an order's change version on every event nopCommerce publishes when an order changes, so that the order
/// goes to 1C again. Changes applied from 1C raise it too; <see cref="NopOrderChangeSink"/> then marks that version
/// as already known to 1C, so 1C's own changes are not echoed back.
/// </summary>
public class OrderChangeEventConsumer :
    IConsumer<OrderPlacedEvent>,
    IConsumer<OrderPaidEvent>,
    IConsumer<OrderAuthorizedEvent>,
    IConsumer<OrderStatusChangedEvent>,
    IConsumer<OrderRefundedEvent>,
    IConsumer<OrderVoidedEvent>,
    IConsumer<EntityUpdatedEvent<Order>>,
    IConsumer<EntityInsertedEvent<OrderItem>>,
    IConsumer<EntityUpdatedEvent<OrderItem>>,
    IConsumer<EntityDeletedEvent<OrderItem>>,
    IConsumer<ShipmentSentEvent>,
    IConsumer<ShipmentDeliveredEvent>
{
    #region Fields

    protected readonly OrderExportStateService _stateService;

    #endregion

    #region Ctor

    public OrderChangeEventConsumer(OrderExportStateService stateService)
    {
        _stateService = stateService;
    }

    #endregion

    public virtual Task HandleEventAsync(OrderPlacedEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Order.Id, statusChanged: true);

    public virtual Task HandleEventAsync(OrderPaidEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Order.Id, statusChanged: false);

    public virtual Task HandleEventAsync(OrderAuthorizedEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Order.Id, statusChanged: false);

    public virtual Task HandleEventAsync(OrderStatusChangedEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Order.Id, statusChanged: true);

    public virtual Task HandleEventAsync(OrderRefundedEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Order.Id, statusChanged: false);

    public virtual Task HandleEventAsync(OrderVoidedEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Order.Id, statusChanged: false);

    public virtual Task HandleEventAsync(EntityUpdatedEvent<Order> eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Entity.Id, statusChanged: false);

    public virtual Task HandleEventAsync(EntityInsertedEvent<OrderItem> eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Entity.OrderId, statusChanged: false);

    public virtual Task HandleEventAsync(EntityUpdatedEvent<OrderItem> eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Entity.OrderId, statusChanged: false);

    public virtual Task HandleEventAsync(EntityDeletedEvent<OrderItem> eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Entity.OrderId, statusChanged: false);

    public virtual Task HandleEventAsync(ShipmentSentEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Shipment.OrderId, statusChanged: false);

    public virtual Task HandleEventAsync(ShipmentDeliveredEvent eventMessage) =>
        _stateService.RecordChangeAsync(eventMessage.Shipment.OrderId, statusChanged: false);
}
