using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Services.Orders;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// Applies 1C's order changes through nopCommerce's order processing, as the admin would: cancel, mark paid, ship and
/// deliver (<see cref="OrderShipmentWriter"/>), change the status (<see cref="OrderStatusWriter"/>). 1C's numbers and
/// dates are kept in the order's export state (<see cref="OrderOneCStateWriter"/>) and written into an order note
/// (<see cref="OrderChangeNoteWriter"/>). The version changes these steps cause are recorded as known to 1C (when 1C
/// had the order's latest version before), so that 1C's own changes are not sent back to it; a store-side change
/// still pending export is still sent.
/// Every step is idempotent (it does nothing when the order is already in that state), so when the store fails in
/// the middle of a document the import fails, 1C repeats the exchange, and the document completes without any step
/// applied twice. No transaction spans the steps: nopCommerce opens a connection per operation, and one
/// TransactionScope over several of them would need a distributed transaction on some databases.
/// </summary>
public class NopOrderChangeSink : IOrderChangeSink
{
    #region Fields

    protected readonly IOrderService _orderService;
    protected readonly OrderStatusWriter _statusWriter;
    protected readonly OrderShipmentWriter _shipmentWriter;
    protected readonly OrderOneCStateWriter _oneCStateWriter;
    protected readonly OrderChangeNoteWriter _noteWriter;

    #endregion

    #region Ctor

    public NopOrderChangeSink(IOrderService orderService,
        OrderStatusWriter statusWriter,
        OrderShipmentWriter shipmentWriter,
        OrderOneCStateWriter oneCStateWriter,
        OrderChangeNoteWriter noteWriter)
    {
        _orderService = orderService;
        _statusWriter = statusWriter;
        _shipmentWriter = shipmentWriter;
        _oneCStateWriter = oneCStateWriter;
        _noteWriter = noteWriter;
    }

    #endregion

    public virtual async Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken)
    {
        var order = await FindOrderAsync(command);
        if (order == null)
            return OrderChangeResult.Unknown;

        var stateBefore = await _oneCStateWriter.FindAsync(order.Id);
        var oneCHadLatest = await _oneCStateWriter.OneCHadLatestAsync(order.Id, stateBefore);
        var applied = new List<ExchangeMessage>();
        var rejected = new List<ExchangeMessage>();

        if (_oneCStateWriter.NewNumberMessage(command, stateBefore) is { } newNumber)
            applied.Add(newNumber);

        if (command.Cancel || command.TargetStatus == StoreOrderStatus.Cancelled)
            order = await _statusWriter.CancelAsync(order, command, applied, rejected);
        if (command.MarkPaid)
            order = await _statusWriter.MarkPaidAsync(order, command, applied, rejected);
        if (command.AllowShipping && command.TargetStatus == null)
            order = await _statusWriter.AllowShippingAsync(order, command, applied);
        // An order that needs no shipping is done without a shipment when 1C says it is delivered.
        var shippingNeeded = order.ShippingStatusId != (int)ShippingStatus.ShippingNotRequired;
        if (command.MarkShipped && (shippingNeeded || !command.MarkDelivered))
            order = await _shipmentWriter.ShipAsync(order, command, applied, rejected);
        if (command.MarkDelivered && shippingNeeded)
            order = await _shipmentWriter.DeliverAsync(order, command, applied);
        if (command.TargetStatus is { } target && target != StoreOrderStatus.Cancelled)
            order = await _statusWriter.SetStatusAsync(order, (OrderStatus)(int)target, command, applied, rejected);

        await _oneCStateWriter.SaveAsync(order.Id, command, oneCHadLatest);
        if (applied.Count > 0 || rejected.Count > 0)
            await _noteWriter.AddNoteAsync(order, command, applied, rejected);

        return new OrderChangeResult(applied.Count > 0 ? OrderChangeOutcome.Applied : OrderChangeOutcome.Unchanged,
            order.Id, applied, rejected);
    }

    /// <summary>By the Ид we exported (the order id, or an order GUID), else by Номер (the custom order number).</summary>
    protected virtual async Task<Order?> FindOrderAsync(OrderChangeCommand command)
    {
        Order? order = null;
        var documentId = command.DocumentId?.Trim();
        if (int.TryParse(documentId, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) && orderId > 0)
            order = await _orderService.GetOrderByIdAsync(orderId);
        else if (Guid.TryParse(documentId, out var orderGuid))
            order = await _orderService.GetOrderByGuidAsync(orderGuid);

        if ((order == null || order.Deleted) && !string.IsNullOrWhiteSpace(command.Number))
            order = await _orderService.GetOrderByCustomOrderNumberAsync(command.Number.Trim());
        return order == null || order.Deleted ? null : order;
    }
}
