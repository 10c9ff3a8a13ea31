using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Events;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// 1C's cancellation, payment and status of an order, through nopCommerce's order processing as the admin changes them.
/// </summary>
public class OrderStatusWriter
{
    #region Fields

    protected readonly IOrderService _orderService;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IEventPublisher _eventPublisher;
    protected readonly IWorkflowMessageService _workflowMessageService;
    protected readonly ILocalizationService _localizationService;

    #endregion

    #region Ctor

    public OrderStatusWriter(IOrderService orderService,
        IOrderProcessingService orderProcessingService,
        IEventPublisher eventPublisher,
        IWorkflowMessageService workflowMessageService,
        ILocalizationService localizationService)
    {
        _orderService = orderService;
        _orderProcessingService = orderProcessingService;
        _eventPublisher = eventPublisher;
        _workflowMessageService = workflowMessageService;
        _localizationService = localizationService;
    }

    #endregion

    public virtual async Task<Order> CancelAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
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

    public virtual async Task<Order> MarkPaidAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
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
        applied.Add(ExchangeMessage.Of(MessageKeys.OrderAppliedPaid, OneCDocumentReference.Format(command.PaymentNumber, command.PaymentDate)));
        return await ReloadAsync(order);
    }

    /// <summary>Доставка разрешена: a pending order goes to Processing, which is what "ready to ship" is in nopCommerce.</summary>
    public virtual async Task<Order> AllowShippingAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied)
    {
        if (order.OrderStatusId != (int)OrderStatus.Pending)
            return order;
        return await SetStatusAsync(order, OrderStatus.Processing, command, applied, []);
    }

    /// <summary>Sets the status as the admin's "change status" does; a cancelled order stays cancelled.</summary>
    public virtual async Task<Order> SetStatusAsync(Order order, OrderStatus target, OrderChangeCommand command,
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

    protected virtual Task<string> StatusNameAsync(OrderStatus status) => _localizationService.GetLocalizedEnumAsync(status);

    protected virtual async Task<Order> ReloadAsync(Order order) => await _orderService.GetOrderByIdAsync(order.Id) ?? order;
}
