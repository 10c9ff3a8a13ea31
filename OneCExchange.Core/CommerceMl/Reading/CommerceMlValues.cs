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

    public static bool TryParseBoolean(string text, out bool value)
    {
        var span = text.AsSpan().Trim();
        if (span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.Equals("истина", StringComparison.OrdinalIgnoreCase)
            || span.Equals("да", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("1"))
        {
            value = true;
            return true;
        }
        if (span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.Equals("ложь", StringComparison.OrdinalIgnoreCase)
            || span.Equals("нет", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("0"))
        {
            value = false;
            return true;
        }
        value = false;
        return false;
    }

    public static DateTime? ParseDate(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

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
