namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>One item of a mode=info list (Элемент: Ид, Название).</summary>
/// <param name="PaymentType">ТипОплаты of a payment system (e.g. "Наличный"/"Безналичный"), null elsewhere.</param>
public sealed record ReferenceItem(string Id, string Name, string? PaymentType = null);

/// <summary>The lists of mode=info: Cтатусы, ПлатежныеСистемы, СлужбыДоставки.</summary>
public sealed record OrderReferenceData(IReadOnlyList<ReferenceItem> Statuses, IReadOnlyList<ReferenceItem> PaymentSystems,
    IReadOnlyList<ReferenceItem> DeliveryServices);
