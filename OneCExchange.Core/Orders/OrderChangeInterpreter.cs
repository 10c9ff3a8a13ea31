using OneCExchange.Core.CommerceMl.Orders;

namespace OneCExchange.Core.Orders;

/// <summary>Decides what a 1C order document asks of the store; the sink then applies it.</summary>
public sealed class OrderChangeInterpreter(OrderStatusMap statusMap, bool notifyCustomer)
{
    public const string OrderOperation = "Заказ товара";

    /// <summary>
    /// The command for an order document, or null for a document that is not an order (a payment or shipment
    /// document travelling in the same Контейнер, whose ХозОперация is not "Заказ товара").
    /// Paid: Оплачен when 1C sends it, else a payment date or number by 1C. Shipped: Отгружен when sent, else a
    /// shipment date or number. Cancel: Отменен, ПометкаУдаления, or a status mapped to Cancelled. Status: Статус заказа, else Статуса заказа ИД,
    /// through the mapping (unmapped statuses change nothing).
    /// </summary>
    public OrderChangeCommand? Interpret(OrderChange change)
    {
        if (change.BusinessOperation != null
            && !string.Equals(change.BusinessOperation, OrderOperation, StringComparison.OrdinalIgnoreCase))
            return null;
        var targetStatus = statusMap.Find(change.StatusName, change.StatusId);
        return new OrderChangeCommand
        {
            Change = change,
            OneCNumber = change.OneCNumber,
            OneCDate = change.OneCDate,
            MarkPaid = change.Paid ?? (change.PaymentDate != null || change.PaymentNumber != null),
            PaymentNumber = change.PaymentNumber,
            PaymentDate = change.PaymentDate,
            MarkShipped = change.Shipped ?? (change.ShipmentDate != null || change.ShipmentNumber != null),
            ShipmentNumber = change.ShipmentNumber,
            ShipmentDate = change.ShipmentDate,
            Cancel = change.Cancelled == true || change.DeletionMark == true || targetStatus == StoreOrderStatus.Cancelled,
            Posted = change.Posted,
            TargetStatus = targetStatus,
            OneCStatus = change.StatusName ?? change.StatusId,
            NotifyCustomer = notifyCustomer,
        };
    }
}
