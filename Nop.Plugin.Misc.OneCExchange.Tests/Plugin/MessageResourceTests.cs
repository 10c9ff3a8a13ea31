using System.Reflection;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using NUnit.Framework;
using OneCExchange.Core.Messages;

namespace OneCExchange.Tests.Plugin;

/// <summary>Every message Core (and the order sink) can emit reads in English and Russian in the admin.</summary>
public partial class MessageResourceTests
{
    private static IReadOnlyList<string> Keys { get; } = typeof(MessageKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Test]
    public void Every_key_Core_can_emit_has_an_English_and_a_Russian_resource_and_a_text_of_Core()
    {
        var english = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);
        var russian = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.Russian);

        Assert.That(Keys, Has.Count.GreaterThan(40));
        Assert.Multiple(() =>
        {
            foreach (var key in Keys)
            {
                var name = ExchangeMessageLocalizer.ResourcePrefix + key;
                Assert.That(english.TryGetValue(name, out var en), Is.True, $"en {name}");
                Assert.That(russian.TryGetValue(name, out var ru), Is.True, $"ru {name}");
                Assert.That(MessageTexts.Russian.TryGetValue(key, out var core), Is.True, $"Core's text of {key}");
                Assert.That(Placeholders(ru), Is.EqualTo(Placeholders(en)), $"placeholders of {name}");
                Assert.That(Placeholders(core), Is.EqualTo(Placeholders(en)), $"placeholders of Core's text of {key}");
            }
        });
    }

    [Test]
    public void No_message_resource_is_left_without_a_key()
    {
        var english = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);

        Assert.That(english.Keys.Where(k => k.StartsWith(ExchangeMessageLocalizer.ResourcePrefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => k[ExchangeMessageLocalizer.ResourcePrefix.Length..]), Is.EquivalentTo(Keys));
    }

    private static List<string> Placeholders(string? text) =>
        text == null ? [] : Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
