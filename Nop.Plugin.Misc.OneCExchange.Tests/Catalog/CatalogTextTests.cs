using NUnit.Framework;
using OneCExchange.Core.Catalog;

namespace OneCExchange.Tests.Catalog;

public sealed class CatalogTextTests
{
    [TestCase("Куртка зимняя", "kurtka-zimnyaya")]
    [TestCase("Щётка «Ёжик» 2×3", "shchetka-ezhik-2-3")]
    [TestCase("  Цепь / 10 м ", "tsep-10-m")]
    [TestCase("Объём: 5 л", "obem-5-l")]
    [TestCase("!!!", "product")]
    public void Slugs_transliterate_Cyrillic(string name, string slug) =>
        Assert.That(SlugText.From(name, "product"), Is.EqualTo(slug));

    [Test]
    public void Slugs_are_bounded_in_length() =>
        Assert.That(SlugText.From(new string('ж', 300), "x"), Has.Length.LessThanOrEqualTo(SlugText.MaxLength));

    [TestCase("<p>a<img src=\"x\" onerror=\"alert(1)\"></p>", "<p>a<img src=\"x\" /></p>")]
    [TestCase("<b>open", "<b>open</b>")]
    [TestCase("<style>p{}</style><i>ok</i>", "<i>ok</i>")]
    [TestCase("<a href=\"https://shop.ru/x?a=1&amp;b=2\" target=_blank>x</a>", "<a href=\"https://shop.ru/x?a=1&amp;b=2\">x</a>")]
    [TestCase("<iframe src=\"https://evil\"></iframe>text", "text")]
    [TestCase("</div>loose", "loose")]
    public void Html_from_1C_keeps_only_safe_markup(string html, string safe) =>
        Assert.That(SafeHtml.From(html), Is.EqualTo(safe));

    [TestCase("Куртка <зимняя> & тёплая", "Куртка &lt;зимняя&gt; &amp; тёплая")]
    [TestCase("  одна строка ", "одна строка")]
    [TestCase("две\nстроки", "<p>две<br />строки</p>")]
    [TestCase("<b>жирно", "<b>жирно</b>")]
    public void Inline_text_stays_text_without_a_paragraph(string text, string html) =>
        Assert.That(SafeHtml.InlineFrom(text), Is.EqualTo(html));

    [Test]
    public void Blank_text_gives_no_html() => Assert.That(SafeHtml.From("  \n "), Is.Null);

    [TestCase("руб", "RUB")]
    [TestCase("RUR", "RUB")]
    [TestCase("643", "RUB")]
    [TestCase("eur", "EUR")]
    public void Currencies_are_normalised(string code, string iso) => Assert.That(CurrencyCodes.Normalize(code), Is.EqualTo(iso));
}
