using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nop.Services.Localization;
using OneCExchange.Core.Messages;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>
/// Shows Core's keyed messages in the admin's language (the locale resource "Plugins.Misc.OneCExchange.Messages.&lt;key&gt;"
/// filled with the message's arguments), and keeps them in the exchange log as one JSON object per line
/// ({"k": key, "a": [text or message, ...]}) so that the history shows them in the language of whoever reads it.
/// A stored line that is not such an object (written before messages had keys) is shown as it is.
/// </summary>
public class ExchangeMessageLocalizer
{
    #region Fields

    public const string ResourcePrefix = "Plugins.Misc.OneCExchange.Messages.";

    // Cyrillic stays readable in the table; line breaks inside a text are escaped, so one message stays one line.
    private static readonly JsonSerializerOptions StoredJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected readonly ILocalizationService _localizationService;

    #endregion

    #region Ctor

    public ExchangeMessageLocalizer(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    #endregion

    /// <summary>The message in the current admin's language (arguments that are messages localised too).</summary>
    public virtual async Task<string> LocalizeAsync(ExchangeMessage message)
    {
        var arguments = new List<string>(message.Arguments.Count);
        foreach (var argument in message.Arguments)
            arguments.Add(argument is ExchangeMessage inner ? await LocalizeAsync(inner) : argument.ToString() ?? "");
        var format = await _localizationService.GetResourceAsync(ResourcePrefix + message.Key);
        // A resource the store lacks comes back as its own name: show Core's text rather than the key.
        return format.Equals(ResourcePrefix + message.Key, StringComparison.OrdinalIgnoreCase)
            ? message.ToString()
            : ExchangeMessage.Format(format, arguments);
    }

    /// <summary>Stored messages (as <see cref="Store"/> wrote them) in the current admin's language, one per line.</summary>
    public virtual async Task<string> LocalizeStoredAsync(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
            return "";
        var lines = new List<string>();
        foreach (var line in stored.Split('\n'))
            lines.Add(Parse(line) is { } message ? await LocalizeAsync(message) : line);
        return string.Join("\n", lines);
    }

    /// <summary>The messages as the exchange log keeps them: one JSON object per line.</summary>
    public static string Store(IEnumerable<ExchangeMessage> messages) =>
        string.Join("\n", messages.Select(m => ToJson(m).ToJsonString(StoredJson)));

    private static JsonObject ToJson(ExchangeMessage message)
    {
        var arguments = new JsonArray();
        foreach (var argument in message.Arguments)
            arguments.Add(argument is ExchangeMessage inner ? ToJson(inner) : JsonValue.Create(argument.ToString()));
        return new JsonObject { ["k"] = message.Key, ["a"] = arguments };
    }

    private static ExchangeMessage? Parse(string line)
    {
        if (!line.StartsWith("{\"k\":", StringComparison.Ordinal))
            return null;
        try
        {
            return JsonNode.Parse(line) is JsonObject json ? FromJson(json) : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static ExchangeMessage? FromJson(JsonObject json)
    {
        if (json["k"]?.GetValue<string>() is not { } key || json["a"] is not JsonArray array)
            return null;
        var arguments = new object?[array.Count];
        for (var i = 0; i < array.Count; i++)
            arguments[i] = array[i] is JsonObject inner ? FromJson(inner) : array[i]?.GetValue<string>();
        return ExchangeMessage.Of(key, arguments);
    }
}
