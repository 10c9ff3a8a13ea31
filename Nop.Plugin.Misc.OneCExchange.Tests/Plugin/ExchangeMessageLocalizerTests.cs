using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using NUnit.Framework;
using OneCExchange.Core.Messages;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Plugin;

/// <summary>The exchange log keeps Core's messages with their keys; the history shows them in the reader's language.</summary>
public class ExchangeMessageLocalizerTests
{
    private static readonly ExchangeMessage ItemFailed = ExchangeMessage.Of(MessageKeys.ItemFailed,
        ExchangeMessage.Of(MessageKeys.LabelAt, ExchangeMessage.Of(MessageKeys.LabelProduct, "p-1", "Куртка"), "import.xml(12,5)"),
        "duplicate key");

    private static ExchangeMessageLocalizer In(string language) => new(new FakeLocalizationService
    {
        Resources = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, language),
    });

    [Test]
    public async Task Stored_messages_read_in_the_admins_language_nested_labels_included()
    {
        var stored = ExchangeMessageLocalizer.Store([ItemFailed, ExchangeMessage.Of(MessageKeys.OffersWithoutProduct, 978, "a, b\nc")]);

        var english = await In(LocaleResourceFile.English).LocalizeStoredAsync(stored);
        var russian = await In(LocaleResourceFile.Russian).LocalizeStoredAsync(stored);

        Assert.Multiple(() =>
        {
            Assert.That(stored.Split('\n'), Has.Length.EqualTo(2), "one line per message, a line break inside an argument is escaped");
            Assert.That(english.Split('\n')[0], Is.EqualTo("Product p-1 “Куртка” (import.xml(12,5)): duplicate key"));
            Assert.That(russian.Split('\n')[0], Is.EqualTo("Товар p-1 «Куртка» (import.xml(12,5)): duplicate key"));
            Assert.That(english, Does.Contain("Offers whose product the store does not have: 978 (first: a, b\nc)"));
            Assert.That(russian, Does.Contain("Предложений, товаров которых нет в магазине: 978 (первые: a, b\nc)"));
        });
    }

    [Test]
    public async Task Lines_written_before_messages_had_keys_are_shown_as_they_are()
    {
        var shown = await In(LocaleResourceFile.English).LocalizeStoredAsync("Товар 1: группа 2 не загружена\n{not json");

        Assert.That(shown, Is.EqualTo("Товар 1: группа 2 не загружена\n{not json"));
    }

    [Test]
    public async Task A_store_without_the_resource_shows_Cores_text()
    {
        var shown = await new ExchangeMessageLocalizer(new FakeLocalizationService()).LocalizeAsync(ItemFailed);

        Assert.That(shown, Is.EqualTo(ItemFailed.ToString()));
        Assert.That(shown, Is.EqualTo("Товар p-1 «Куртка» (import.xml(12,5)): duplicate key"));
    }
}
