using System.Globalization;

namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>How 1C writes scalar values in order documents.</summary>
internal static class OneCValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy H:mm:ss",
    ];

    /// <summary>Trimmed text, null when empty (1C pads numbers: "L320       ").</summary>
    public static string? Text(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>1C's empty date: "", "T" (an empty date with its time separator), or the year 1.</summary>
    public static bool IsEmptyDate(string? value)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) || text == "T" || text.StartsWith("0001-01-01", StringComparison.Ordinal)
            || text.StartsWith("01.01.0001", StringComparison.Ordinal);
    }

    public static DateTime? ParseDate(string? value)
    {
        if (IsEmptyDate(value))
            return null;
        return DateTime.TryParseExact(value!.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    public static bool? ParseBool(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "да" or "y" or "yes" or "истина" => true,
        "false" or "0" or "нет" or "n" or "no" or "ложь" => false,
        _ => null,
    };

    /// <summary>Requisite names compared ignoring case, surrounding spaces and a Latin "C" written for the Cyrillic "С".</summary>
    public static bool SameName(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) => name.Trim().Replace('C', 'С').Replace('c', 'с');
}
