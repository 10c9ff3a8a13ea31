using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>What the admin sees about an order's exchange with 1C (a card on the order details page).</summary>
public record OrderOneCInfoModel : BaseNopModel
{
    /// <summary>Номер/Дата по 1С, as 1C sent them (1C's own date, not converted).</summary>
    public string? Number1C { get; init; }
    public DateTime? Date1C { get; init; }

    public string? PaymentNumber1C { get; init; }
    public DateTime? PaymentDate1C { get; init; }

    public string? ShipmentNumber1C { get; init; }
    public DateTime? ShipmentDate1C { get; init; }

    public string? Status1C { get; init; }

    /// <summary>When 1C last confirmed loading the order, and when its last change came from 1C (admin's time zone).</summary>
    public DateTime? ExportedOn { get; init; }
    public DateTime? UpdatedFrom1COn { get; init; }

    /// <summary>The order changed since 1C last confirmed it: the next exchange sends it.</summary>
    public bool PendingExport { get; init; }
}
