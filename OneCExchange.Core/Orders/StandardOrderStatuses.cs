namespace OneCExchange.Core.Orders;

/// <summary>What a 1C order status means when no mapping names it.</summary>
public enum StandardOrderStatus
{
    /// <summary>Not one of the standard statuses (e.g. "[N] Принят", "Открыт"): nothing follows from it.</summary>
    None,
    Paid,
    /// <summary>Delivered and complete.</summary>
    Delivered,
    Cancelled,
}

/// <summary>
/// The order statuses 1C's standard "Заказ на сайт" exchange sends, understood without a mapping. The site's
/// status codes travel as "[P] Оплачен" in Статус заказа or as "P" in Статуса заказа ИД (1C-Bitrix's codes:
/// N accepted, P paid, F done/delivered); 1C's own statuses travel by name ("Выполнен", "Доставлен", "Отменен").
/// </summary>
public static class StandardOrderStatuses
{
    /// <summary>The meaning of the status name (its "[X]" code first, then the name) or else of the status id.</summary>
    public static StandardOrderStatus Of(string? statusName, string? statusId)
    {
        var byName = OfText(statusName);
        return byName != StandardOrderStatus.None ? byName : OfText(statusId);
    }

    private static StandardOrderStatus OfText(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
            return StandardOrderStatus.None;
        if (value.StartsWith('[') && value.IndexOf(']') is var end and > 1)
        {
            var byCode = OfCode(value[1..end].Trim());
            if (byCode != StandardOrderStatus.None)
                return byCode;
            value = value[(end + 1)..].Trim();
        }
        return OfCode(value) is var code and not StandardOrderStatus.None ? code : OfName(value);
    }

    private static StandardOrderStatus OfCode(string code) => code.ToUpperInvariant() switch
    {
        "P" => StandardOrderStatus.Paid,
        "F" => StandardOrderStatus.Delivered,
        _ => StandardOrderStatus.None,
    };

    private static StandardOrderStatus OfName(string name) => name.ToLowerInvariant().Replace('ё', 'е') switch
    {
        "оплачен" => StandardOrderStatus.Paid,
        "выполнен" or "доставлен" or "завершен" => StandardOrderStatus.Delivered,
        "отменен" => StandardOrderStatus.Cancelled,
        _ => StandardOrderStatus.None,
    };
}
