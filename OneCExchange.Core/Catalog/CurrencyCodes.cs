namespace OneCExchange.Core.Catalog;

/// <summary>1C writes currencies as "руб", "руб.", "RUR", "643" or an ISO code; this gives the ISO code.</summary>
public static class CurrencyCodes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["руб"] = "RUB", ["руб."] = "RUB", ["рубль"] = "RUB", ["RUR"] = "RUB", ["643"] = "RUB", ["₽"] = "RUB",
        ["долл"] = "USD", ["$"] = "USD", ["840"] = "USD", ["евро"] = "EUR", ["€"] = "EUR", ["978"] = "EUR",
        ["грн"] = "UAH", ["980"] = "UAH", ["тенге"] = "KZT", ["тг"] = "KZT", ["398"] = "KZT",
        ["бел. руб"] = "BYN", ["933"] = "BYN",
    };

    public static string Normalize(string code)
    {
        var trimmed = code.Trim();
        return Aliases.TryGetValue(trimmed, out var iso) ? iso : trimmed.ToUpperInvariant();
    }
}
