using System.Globalization;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>Parsing of the scalar values 1C writes.</summary>
internal static class CommerceMlValues
{
    /// <summary>Accepts "." or "," as the decimal separator and spaces (also non-breaking) between digit groups.</summary>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        var span = text.AsSpan().Trim();
        if (span.Length == 0)
        {
            value = 0;
            return false;
        }
        if (span.IndexOfAny(' ', ',', '\u00A0') < 0)
            return decimal.TryParse(span, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);

        Span<char> buffer = span.Length <= 128 ? stackalloc char[span.Length] : new char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (c is ' ' or '\u00A0' or '\u202F')
                continue;
            buffer[length++] = c == ',' ? '.' : c;
        }
        return decimal.TryParse(buffer[..length], NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>1C's true and false in any case: true/false, истина/ложь, да/нет, yes/no, y/n, 1/0.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        var span = text.AsSpan().Trim();
        foreach (var word in TrueWords)
            if (span.Equals(word, StringComparison.OrdinalIgnoreCase))
                return value = true;
        value = false;
        foreach (var word in FalseWords)
            if (span.Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    private static readonly string[] TrueWords = ["true", "1", "истина", "да", "yes", "y"];
    private static readonly string[] FalseWords = ["false", "0", "ложь", "нет", "no", "n"];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy H:mm:ss",
    ];

    /// <summary>1C's empty date: "", "T" (an empty date with its time separator), or the year 1.</summary>
    public static bool IsEmptyDate(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed == "T" || trimmed.StartsWith("0001-01-01", StringComparison.Ordinal)
            || trimmed.StartsWith("01.01.0001", StringComparison.Ordinal);
    }

    /// <summary>A date as 1C writes it (ISO or dd.MM.yyyy, with or without time; other ISO 8601 forms too); null when
    /// empty or unreadable.</summary>
    public static DateTime? ParseDate(string? text)
    {
        if (IsEmptyDate(text))
            return null;
        var trimmed = text!.Trim();
        if (DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        return DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) ? date : null;
    }

    /// <summary>Trimmed text, null when empty (1C pads numbers: "L320       ").</summary>
    public static string? Text(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>Requisite names compared ignoring case, surrounding spaces and a Latin "C" written for the Cyrillic "С".</summary>
    public static bool SameName(string a, string b) =>
        string.Equals(NormalizeName(a), NormalizeName(b), StringComparison.OrdinalIgnoreCase);

    private static string NormalizeName(string name) => name.Trim().Replace('C', 'С').Replace('c', 'с');

    public static PropertyValueType ParseValueType(string text) => text.Trim() switch
    {
        "Строка" => PropertyValueType.String,
        "Число" => PropertyValueType.Number,
        "Справочник" => PropertyValueType.Reference,
        "Дата" => PropertyValueType.Date,
        "Булево" => PropertyValueType.Boolean,
        _ => PropertyValueType.Unknown,
    };

    /// <summary>Splits an offer Ид "product#characteristic"; an empty part after '#' means no characteristic.</summary>
    public static (string ProductId, string? CharacteristicId) SplitOfferId(string id)
    {
        var hash = id.IndexOf('#');
        if (hash < 0)
            return (id, null);
        var characteristic = id[(hash + 1)..];
        return (id[..hash], characteristic.Length == 0 ? null : characteristic);
    }
}
