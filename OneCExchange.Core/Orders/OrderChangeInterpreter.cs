using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Orders;

/// <summary>Decides what a 1C order document asks of the store; the sink then applies it.</summary>
public sealed class OrderChangeInterpreter(OrderStatusMap statusMap, bool notifyCustomer)
{
    public const string OrderOperation = "Заказ товара";

    /// <summary>
    /// The command for an order document, or null for a document that is not an order (a payment or shipment
    /// document travelling in the same Контейнер, whose ХозОперация is not "Заказ товара").
    /// A 1C status (Статус заказа, else Статуса заказа ИД) named in the mapping gives the store status. Otherwise the
    /// standard statuses of 1C's "Заказ на сайт" apply (<see cref="StandardOrderStatuses"/>): "[P] …" paid;
    /// "[F] …", "Выполнен", "Доставлен" or Финальный статус=true (and not cancelled) delivered and complete.
    /// Paid: Оплачен/Заказ оплачен when 1C sends it, else a payment date or number by 1C. Shipped: Отгружен when
    /// sent, else a shipment date or number. Ready to ship: Доставка разрешена=true. Cancel: Отменен,
    /// ПометкаУдаления, or a status meaning cancelled.
    /// </summary>
    public OrderChangeCommand? Interpret(OrderChange change)
    {
        if (change.BusinessOperation != null
            && !string.Equals(change.BusinessOperation, OrderOperation, StringComparison.OrdinalIgnoreCase))
            return null;
        var mapped = statusMap.Find(change.StatusName, change.StatusId);
        var standard = mapped == null ? StandardOrderStatuses.Of(change.StatusName, change.StatusId) : StandardOrderStatus.None;
        var cancel = change.Cancelled == true || change.DeletionMark == true
            || mapped == StoreOrderStatus.Cancelled || standard == StandardOrderStatus.Cancelled;
        var delivered = !cancel && (standard == StandardOrderStatus.Delivered || (mapped == null && change.Final == true));
        return new OrderChangeCommand
        {
            Change = change,
            OneCNumber = change.OneCNumber,
            OneCDate = change.OneCDate,
            MarkPaid = (change.Paid ?? (change.PaymentDate != null || change.PaymentNumber != null))
                || standard == StandardOrderStatus.Paid,
            PaymentNumber = change.PaymentNumber,
            PaymentDate = change.PaymentDate,
            AllowShipping = change.ShippingAllowed == true,
            MarkShipped = (change.Shipped ?? (change.ShipmentDate != null || change.ShipmentNumber != null)) || delivered,
            MarkDelivered = delivered,
            ShipmentNumber = change.ShipmentNumber,
            ShipmentDate = change.ShipmentDate,
            Cancel = cancel,
            Posted = change.Posted,
            TargetStatus = mapped ?? (delivered ? StoreOrderStatus.Complete : null),
            OneCStatus = change.StatusName ?? change.StatusId,
            NotifyCustomer = notifyCustomer,
        };
    }
}
