using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>
/// The export state of one order (table OneCOrderExport, unique on OrderId), written only by the exchange: which
/// change version (<see cref="OneCOrderChange"/>) 1C confirmed, which one a session was handed out, and what 1C sent
/// back about the order (shown to the admin). An order without a row was never handed out; it is due from the start date.
/// </summary>
public class OneCOrderExport : BaseEntity
{
    public const int DocumentNumberMaxLength = 100;
    public const int StatusMaxLength = 200;

    public int OrderId { get; set; }

    /// <summary>The change version 1C confirmed (mode=success); the order is due while its change version is higher.</summary>
    public int ExportedVersion { get; set; }

    public DateTime? ExportedOnUtc { get; set; }

    /// <summary>The exchange session the order was last handed out to (mode=query) and not yet confirmed; max 64 chars.</summary>
    public string? HandedOutSessionId { get; set; }

    /// <summary>The change version handed out to <see cref="HandedOutSessionId"/>; confirming the session exports it.</summary>
    public int HandedOutVersion { get; set; }

    /// <summary>Номер по 1С and Дата по 1С as 1C sent them (1C's local wall-clock date); max 100 chars.</summary>
    public string? Number1C { get; set; }

    public DateTime? Date1C { get; set; }

    /// <summary>Номер/Дата оплаты по 1С; max 100 chars.</summary>
    public string? PaymentNumber1C { get; set; }

    public DateTime? PaymentDate1C { get; set; }

    /// <summary>Номер/Дата отгрузки по 1С; max 100 chars.</summary>
    public string? ShipmentNumber1C { get; set; }

    public DateTime? ShipmentDate1C { get; set; }

    /// <summary>Статус заказа as 1C last sent it; max 200 chars.</summary>
    public string? Status1C { get; set; }

    /// <summary>When 1C's last change document for this order was applied.</summary>
    public DateTime? UpdatedFrom1COnUtc { get; set; }
}
