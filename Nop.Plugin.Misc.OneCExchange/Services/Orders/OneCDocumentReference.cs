using System.Globalization;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>1C's document number and date as the order's notes and shipments show them.</summary>
public static class OneCDocumentReference
{
    /// <summary>" (№ 77, 2026-03-02 10:15)", or empty when 1C sent neither.</summary>
    public static string Format(string? number, DateTime? date)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(number))
            parts.Add("№ " + number.Trim());
        if (date is DateTime value)
            parts.Add(value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";
    }
}
