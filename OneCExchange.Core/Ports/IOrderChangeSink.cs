using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Ports;

/// <summary>
/// Applies one 1C order change to the store through its order processing. Implementations never throw for an unknown
/// order or an illegal transition: they return it in the result. They throw only when the store itself fails.
/// </summary>
public interface IOrderChangeSink
{
    /// <summary>
    /// Finds the order by <see cref="OrderChangeCommand.DocumentId"/> (the Ид we exported), else by
    /// <see cref="OrderChangeCommand.Number"/> (the store's order number); neither found → UnknownOrder, nothing changed.
    /// Then, in this order, each step doing nothing when the order is already in the requested state:
    /// 1. store OneCNumber/OneCDate on the order (shown to the admin) when given and different;
    /// 2. Cancel: cancel the order (restocking as the store does) unless already cancelled;
    /// 3. MarkPaid: mark the order paid unless already paid;
    /// 4. AllowShipping: a pending order becomes Processing (nopCommerce's "ready to ship"), unless TargetStatus says otherwise;
    /// 5. MarkShipped: ship what is not shipped yet as one shipment (tracking number = ShipmentNumber) unless shipped;
    ///    MarkDelivered: then mark every shipment delivered (an order that needs no shipping just completes);
    /// 6. TargetStatus: set the order status when different (Cancelled goes through step 2's cancellation).
    /// A step the store does not allow (e.g. paying or shipping a cancelled order, leaving Cancelled) is skipped and
    /// reported in <see cref="OrderChangeResult.Rejected"/>; the other steps still apply. Every applied change is
    /// recorded in one order note naming the 1C document. NotifyCustomer is passed to cancel/ship/status changes.
    /// </summary>
    Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken);
}

/// <summary>What 1C asks the store to do with one order, decided by Core from an <see cref="OrderChange"/>.</summary>
public sealed record OrderChangeCommand
{
    /// <summary>The document as 1C sent it (for notes and extensions).</summary>
    public required OrderChange Change { get; init; }

    public string? DocumentId => Change.Id;
    public string? Number => Change.Number;

    public string? OneCNumber { get; init; }
    public DateTime? OneCDate { get; init; }

    /// <summary>1C says it is paid: Оплачен=true, or a payment date or number by 1C.</summary>
    public bool MarkPaid { get; init; }
    public string? PaymentNumber { get; init; }
    public DateTime? PaymentDate { get; init; }

    /// <summary>Доставка разрешена=true: 1C allows shipping the order.</summary>
    public bool AllowShipping { get; init; }

    /// <summary>1C says it is shipped: Отгружен=true, or a shipment date or number by 1C, or delivered.</summary>
    public bool MarkShipped { get; init; }
    /// <summary>1C says it is delivered and done ("[F] Доставлен", "Выполнен", Финальный статус=true).</summary>
    public bool MarkDelivered { get; init; }

    public string? ShipmentNumber { get; init; }
    public DateTime? ShipmentDate { get; init; }

    /// <summary>Отменен=true, ПометкаУдаления=true, or a 1C status mapped to Cancelled.</summary>
    public bool Cancel { get; init; }

    /// <summary>Проведен as 1C sent it (recorded in the note only).</summary>
    public bool? Posted { get; init; }

    /// <summary>The store status the 1C status maps to (OrderStatusMappings), or Complete for a standard final status; null otherwise.</summary>
    public StoreOrderStatus? TargetStatus { get; init; }

    /// <summary>The 1C status text (Статус заказа, else Статуса заказа ИД), for the note.</summary>
    public string? OneCStatus { get; init; }

    public bool NotifyCustomer { get; init; }
}

public enum OrderChangeOutcome
{
    /// <summary>At least one step changed the order.</summary>
    Applied,
    /// <summary>The order was found and already in the state 1C describes (or every step was rejected).</summary>
    Unchanged,
    /// <summary>No order with that Ид or Номер; nothing changed.</summary>
    UnknownOrder,
}

/// <summary>What the sink did with one command.</summary>
/// <param name="OrderId">The store order id, null for an unknown order.</param>
/// <param name="Applied">The steps applied (keys MessageKeys.OrderApplied…: paid, shipped, status…).</param>
/// <param name="Rejected">Illegal transitions skipped (keys MessageKeys.OrderRejected…), each a message for the log and 1C.</param>
public sealed record OrderChangeResult(OrderChangeOutcome Outcome, int? OrderId, IReadOnlyList<ExchangeMessage> Applied,
    IReadOnlyList<ExchangeMessage> Rejected)
{
    public static OrderChangeResult Unknown { get; } = new(OrderChangeOutcome.UnknownOrder, null, [], []);
}
