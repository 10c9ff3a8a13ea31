namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>
/// One Документ 1C sends back (type=sale&amp;mode=file), as OrderChangesReader yields it. The typed fields come from
/// the elements of 2.09+/3.1 (Номер1С, Дата1С, ПометкаУдаления) or from the requisites of 2.03-2.08 ("Номер по 1С"...);
/// a requisite whose value is 1C's empty date "T" (or empty) is read as absent. Every requisite, typed or not, is
/// also kept in <see cref="Requisites"/>.
/// </summary>
public sealed record OrderChange : CommerceMlRecord
{
    /// <summary>Ид: the site's document id 1C received from us (null when 1C sent none, e.g. an order created in 1C).</summary>
    public string? Id { get; init; }

    /// <summary>Номер: the site's order number.</summary>
    public string? Number { get; init; }

    /// <summary>ХозОперация, e.g. "Заказ товара" (payments and shipments travelling in a Контейнер carry others).</summary>
    public string? BusinessOperation { get; init; }

    public string? VersionNumber { get; init; }              // НомерВерсии
    public DateTime? Date { get; init; }                     // Дата + Время
    public string? Currency { get; init; }                   // Валюта
    public decimal? Total { get; init; }                     // Сумма
    public string? Comment { get; init; }                    // Комментарий

    /// <summary>Номер1С or "Номер по 1С", trimmed (1C pads it: "L320       ").</summary>
    public string? OneCNumber { get; init; }

    /// <summary>Дата1С or "Дата по 1С".</summary>
    public DateTime? OneCDate { get; init; }

    /// <summary>"Оплачен" (or "Заказ оплачен"); null when absent.</summary>
    public bool? Paid { get; init; }
    public DateTime? PaymentDate { get; init; }              // "Дата оплаты по 1С"
    public string? PaymentNumber { get; init; }              // "Номер оплаты по 1С"

    /// <summary>"Отгружен"; null when absent.</summary>
    public bool? Shipped { get; init; }
    public DateTime? ShipmentDate { get; init; }             // "Дата отгрузки по 1С"
    public string? ShipmentNumber { get; init; }             // "Номер отгрузки по 1С"

    /// <summary>"Доставка разрешена" (1C allows shipping the order); null when absent.</summary>
    public bool? ShippingAllowed { get; init; }

    /// <summary>"Финальный статус" (nothing will change any more: done, or cancelled); null when absent.</summary>
    public bool? Final { get; init; }

    /// <summary>"Отменен"; null when absent.</summary>
    public bool? Cancelled { get; init; }

    /// <summary>ПометкаУдаления (element or requisite); null when absent.</summary>
    public bool? DeletionMark { get; init; }

    /// <summary>"Проведен"; null when absent.</summary>
    public bool? Posted { get; init; }

    public string? StatusName { get; init; }                 // "Статус заказа"
    public string? StatusId { get; init; }                   // "Статуса заказа ИД" (or "Статус заказа ИД")

    /// <summary>Every ЗначениеРеквизита of the document, in document order.</summary>
    public IReadOnlyList<Requisite> Requisites { get; init; } = [];

    /// <summary>Товар lines 1C sent (Ид and quantity), kept for extensions; not applied by the exchange.</summary>
    public IReadOnlyList<OrderChangeLine> Lines { get; init; } = [];

    /// <summary>The order the change is about, for messages: "Ид 142 / Номер 142".</summary>
    public string Reference => (Id, Number) switch
    {
        (not null, not null) when Id == Number => Id,
        (not null, not null) => $"{Id} (№ {Number})",
        (not null, null) => Id,
        (null, not null) => $"№ {Number}",
        _ => "?",
    };
}

/// <summary>A Товар of a 1C order document.</summary>
public sealed record OrderChangeLine(string Id, string? Name, decimal? Quantity, decimal? Price, decimal? Sum);
