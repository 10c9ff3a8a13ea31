using System.Globalization;

namespace OneCExchange.Core.Messages;

/// <summary>
/// A message for a person (the exchange history, an order note, the answer to 1C): a key from
/// <see cref="MessageKeys"/> with its arguments, which the host shows in its admin's language from its locale
/// resources. An argument is text (ids, names, numbers formatted invariantly) or another message (e.g. an item's label
/// inside "item failed"). <see cref="ToString"/> gives Core's own (Russian) text, for 1C and the command line.
/// </summary>
public sealed record ExchangeMessage
{
    private ExchangeMessage(string key, IReadOnlyList<object> arguments)
    {
        Key = key;
        Arguments = arguments;
    }

    public string Key { get; }

    /// <summary>Each a <see cref="string"/> or an <see cref="ExchangeMessage"/>.</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>A message; numbers and dates are formatted invariantly, null becomes empty text.</summary>
    public static ExchangeMessage Of(string key, params object?[] arguments) =>
        new(key, arguments.Select(Argument).ToArray());

    public override string ToString() => Format(MessageTexts.Russian.TryGetValue(Key, out var text) ? text : null,
        Arguments.Select(a => a.ToString() ?? "").ToArray());

    /// <summary>Fills a composite format ("{0} …") with arguments; a missing or broken format shows the key's arguments.</summary>
    public static string Format(string? format, IReadOnlyList<string> arguments)
    {
        if (format != null)
        {
            try
            {
                return string.Format(CultureInfo.InvariantCulture, format, arguments.ToArray<object>());
            }
            catch (FormatException)
            {
            }
        }
        return string.Join(": ", arguments);
    }

    public bool Equals(ExchangeMessage? other) =>
        other is not null && Key == other.Key && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Key, StringComparer.Ordinal);
        foreach (var argument in Arguments)
            hash.Add(argument);
        return hash.ToHashCode();
    }

    private static object Argument(object? value) => value switch
    {
        null => "",
        ExchangeMessage message => message,
        string text => text,
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
