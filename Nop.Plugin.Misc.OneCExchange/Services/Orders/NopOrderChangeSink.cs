using System.Globalization;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Core.Events;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Services.Catalog;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Shipping;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Orders;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// Applies 1C's order changes through nopCommerce's order processing, as the admin would: mark paid, ship, cancel,
/// change the status. 1C's numbers and dates are kept in the order's export state and written into an order note.
/// The version changes these steps cause are recorded as known to 1C (when 1C had the order's latest version before),
/// so that 1C's own changes are not sent back to it; a store-side change still pending export is still sent.
/// Every step is idempotent (it does nothing when the order is already in that state), so when the store fails in
/// the middle of a document the import fails, 1C repeats the exchange, and the document completes without any step
/// applied twice. No transaction spans the steps: nopCommerce opens a connection per operation, and one
/// TransactionScope over several of them would need a distributed transaction on some databases.
/// </summary>
public class NopOrderChangeSink : IOrderChangeSink
{
    #region Fields

    protected readonly IOrderService _orderService;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IShipmentService _shipmentService;
    protected readonly IProductService _productService;
    protected readonly IEventPublisher _eventPublisher;
    protected readonly IWorkflowMessageService _workflowMessageService;
    protected readonly OrderExportStateService _stateService;
    protected readonly ILocalizationService _localizationService;
    protected readonly ExchangeMessageLocalizer _messageLocalizer;

    #endregion

    #region Ctor

    public NopOrderChangeSink(IOrderService orderService,
        IOrderProcessingService orderProcessingService,
        IShipmentService shipmentService,
        IProductService productService,
        IEventPublisher eventPublisher,
        IWorkflowMessageService workflowMessageService,
        OrderExportStateService stateService,
        ILocalizationService localizationService,
        ExchangeMessageLocalizer messageLocalizer)
    {
        _orderService = orderService;
        _orderProcessingService = orderProcessingService;
        _shipmentService = shipmentService;
        _productService = productService;
        _eventPublisher = eventPublisher;
        _workflowMessageService = workflowMessageService;
        _stateService = stateService;
        _localizationService = localizationService;
        _messageLocalizer = messageLocalizer;
    }

    #endregion

    public virtual async Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken)
    {
        var order = await FindOrderAsync(command);
        if (order == null)
            return OrderChangeResult.Unknown;

        var stateBefore = await _stateService.FindExportAsync(order.Id);
        var versionBefore = (await _stateService.FindChangeAsync(order.Id))?.ChangeVersion ?? 0;
        // An order never handed out that 1C nevertheless knows came to 1C some other way: 1C has it as it is.
        var oneCHadLatest = stateBefore == null || versionBefore <= stateBefore.ExportedVersion;
        var applied = new List<ExchangeMessage>();
        var rejected = new List<ExchangeMessage>();

        if (IsNewOneCNumber(command, stateBefore))
            applied.Add(command.OneCDate is { } oneCDate
                ? ExchangeMessage.Of(MessageKeys.OrderAppliedOneCNumberDated, command.OneCNumber ?? stateBefore?.Number1C, oneCDate)
                : ExchangeMessage.Of(MessageKeys.OrderAppliedOneCNumber, command.OneCNumber ?? stateBefore?.Number1C));

        if (command.Cancel || command.TargetStatus == StoreOrderStatus.Cancelled)
            order = await CancelAsync(order, command, applied, rejected);
        if (command.MarkPaid)
            order = await MarkPaidAsync(order, command, applied, rejected);
        if (command.AllowShipping && command.TargetStatus == null)
            order = await AllowShippingAsync(order, command, applied);
        // An order that needs no shipping is done without a shipment when 1C says it is delivered.
        var shippingNeeded = order.ShippingStatusId != (int)ShippingStatus.ShippingNotRequired;
        if (command.MarkShipped && (shippingNeeded || !command.MarkDelivered))
            order = await ShipAsync(order, command, applied, rejected);
        if (command.MarkDelivered && shippingNeeded)
            order = await DeliverAsync(order, command, applied);
        if (command.TargetStatus is { } target && target != StoreOrderStatus.Cancelled)
            order = await SetStatusAsync(order, (OrderStatus)(int)target, command, applied, rejected);

        await SaveStateAsync(order.Id, command, oneCHadLatest);
        if (applied.Count > 0 || rejected.Count > 0)
            await AddNoteAsync(order, command, applied, rejected);

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

    protected virtual async Task<Order> CancelAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
        List<ExchangeMessage> rejected)
    {
        if (order.OrderStatusId == (int)OrderStatus.Cancelled)
            return order;
        if (!_orderProcessingService.CanCancelOrder(order))
        {
            rejected.Add(ExchangeMessage.Of(MessageKeys.OrderRejectedCannotCancel, await StatusNameAsync((OrderStatus)order.OrderStatusId)));
            return order;
        }
        await _orderProcessingService.CancelOrderAsync(order, command.NotifyCustomer);
        applied.Add(ExchangeMessage.Of(MessageKeys.OrderAppliedCancelled));
        return await ReloadAsync(order);
    }

    protected virtual async Task<Order> MarkPaidAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
        List<ExchangeMessage> rejected)
    {
        if (order.PaymentStatusId == (int)PaymentStatus.Paid)
            return order;
        if (!_orderProcessingService.CanMarkOrderAsPaid(order))
        {
            rejected.Add(ExchangeMessage.Of(MessageKeys.OrderRejectedCannotMarkPaid, await StatusNameAsync((OrderStatus)order.OrderStatusId),
                await _localizationService.GetLocalizedEnumAsync((PaymentStatus)order.PaymentStatusId)));
            return order;
        }
        await _orderProcessingService.MarkOrderAsPaidAsync(order);
        applied.Add(ExchangeMessage.Of(MessageKeys.OrderAppliedPaid, Reference(command.PaymentNumber, command.PaymentDate)));
        return await ReloadAsync(order);
    }

    /// <summary>Ships what is not shipped yet: the order's unsent shipments, then one new shipment with the remaining items.</summary>
    protected virtual async Task<Order> ShipAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
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
            Reference(command.ShipmentNumber, command.ShipmentDate)));
        return await ReloadAsync(order);
    }

    /// <summary>Доставка разрешена: a pending order goes to Processing, which is what "ready to ship" is in nopCommerce.</summary>
    protected virtual async Task<Order> AllowShippingAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied)
    {
        if (order.OrderStatusId != (int)OrderStatus.Pending)
            return order;
        return await SetStatusAsync(order, OrderStatus.Processing, command, applied, []);
    }

    /// <summary>Marks every shipped (or, for pickup, ready) shipment delivered, as the admin's "set as delivered" does.</summary>
    protected virtual async Task<Order> DeliverAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied)
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
            AdminComment = "1C" + Reference(command.ShipmentNumber, command.ShipmentDate),
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

    /// <summary>Sets the status as the admin's "change status" does; a cancelled order stays cancelled.</summary>
    protected virtual async Task<Order> SetStatusAsync(Order order, OrderStatus target, OrderChangeCommand command,
        List<ExchangeMessage> applied, List<ExchangeMessage> rejected)
    {
        var previous = (OrderStatus)order.OrderStatusId;
        if (previous == target)
            return order;
        if (previous == OrderStatus.Cancelled)
        {
            rejected.Add(ExchangeMessage.Of(MessageKeys.OrderRejectedCancelledStatus, command.OneCStatus, await StatusNameAsync(target)));
            return order;
        }

        order.OrderStatusId = (int)target;
        await _orderService.UpdateOrderAsync(order);
        await _eventPublisher.PublishAsync(new OrderStatusChangedEvent(order, previous));
        applied.Add(string.IsNullOrWhiteSpace(command.OneCStatus)
            ? ExchangeMessage.Of(MessageKeys.OrderAppliedStatus, await StatusNameAsync(target))
            : ExchangeMessage.Of(MessageKeys.OrderAppliedStatusFrom1C, await StatusNameAsync(target), command.OneCStatus));

        if (command.NotifyCustomer && target == OrderStatus.Processing)
            await _workflowMessageService.SendOrderProcessingCustomerNotificationAsync(order, order.CustomerLanguageId);
        if (command.NotifyCustomer && target == OrderStatus.Complete)
            await _workflowMessageService.SendOrderCompletedCustomerNotificationAsync(order, order.CustomerLanguageId);
        return await ReloadAsync(order);
    }

    /// <summary>Keeps what 1C sent in the export state; the versions the changes raised are marked as known to 1C.</summary>
    protected virtual async Task SaveStateAsync(int orderId, OrderChangeCommand command, bool oneCHadLatest)
    {
        var state = await _stateService.FindExportAsync(orderId);
        var isNew = state == null;
        state ??= new Domain.OneCOrderExport { OrderId = orderId };

        state.Number1C = Limit(command.OneCNumber, OneCOrderExport.DocumentNumberMaxLength) ?? state.Number1C;
        state.Date1C = command.OneCDate ?? state.Date1C;
        state.PaymentNumber1C = Limit(command.PaymentNumber, OneCOrderExport.DocumentNumberMaxLength) ?? state.PaymentNumber1C;
        state.PaymentDate1C = command.PaymentDate ?? state.PaymentDate1C;
        state.ShipmentNumber1C = Limit(command.ShipmentNumber, OneCOrderExport.DocumentNumberMaxLength) ?? state.ShipmentNumber1C;
        state.ShipmentDate1C = command.ShipmentDate ?? state.ShipmentDate1C;
        state.Status1C = Limit(command.OneCStatus, OneCOrderExport.StatusMaxLength) ?? state.Status1C;
        state.UpdatedFrom1COnUtc = DateTime.UtcNow;
        if (oneCHadLatest)
            state.ExportedVersion = (await _stateService.FindChangeAsync(orderId))?.ChangeVersion ?? 0;

        if (isNew)
            await _stateService.InsertAsync([state]);
        else
            await _stateService.UpdateAsync([state]);
    }

    /// <summary>One note in the store's language (the exchange's working language): what 1C changed and what it could not.</summary>
    protected virtual async Task AddNoteAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
        List<ExchangeMessage> rejected)
    {
        var text = await _messageLocalizer.LocalizeAsync(ExchangeMessage.Of(MessageKeys.OrderNote, command.Change.Reference));
        if (applied.Count > 0)
            text += ": " + string.Join("; ", await LocalizeAllAsync(applied));
        if (rejected.Count > 0)
            text += ". " + await _messageLocalizer.LocalizeAsync(
                ExchangeMessage.Of(MessageKeys.OrderNoteNotApplied, string.Join("; ", await LocalizeAllAsync(rejected))));
        if (command.Posted is bool posted)
            text += ". " + await _messageLocalizer.LocalizeAsync(
                ExchangeMessage.Of(posted ? MessageKeys.OrderNotePosted : MessageKeys.OrderNoteNotPosted));

        await _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = text,
            DisplayToCustomer = false,
            CreatedOnUtc = DateTime.UtcNow,
        });
    }

    private async Task<Order> ReloadAsync(Order order) => await _orderService.GetOrderByIdAsync(order.Id) ?? order;

    private Task<string> StatusNameAsync(OrderStatus status) => _localizationService.GetLocalizedEnumAsync(status);

    private async Task<List<string>> LocalizeAllAsync(List<ExchangeMessage> messages)
    {
        var texts = new List<string>(messages.Count);
        foreach (var message in messages)
            texts.Add(await _messageLocalizer.LocalizeAsync(message));
        return texts;
    }

    private static bool IsNewOneCNumber(OrderChangeCommand command, Domain.OneCOrderExport? state) =>
        (!string.IsNullOrWhiteSpace(command.OneCNumber) && command.OneCNumber.Trim() != state?.Number1C)
        || (command.OneCDate.HasValue && command.OneCDate != state?.Date1C);

    /// <summary>1C's document number and date, as " (№ 77, 2026-03-02 10:15)", or empty.</summary>
    private static string Reference(string? number, DateTime? date)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(number))
            parts.Add("№ " + number.Trim());
        if (date is DateTime value)
            parts.Add(value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";
    }

    private static string? Limit(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        return value.Length <= maxLength ? value : value[..maxLength];
    }
}
