using System.Globalization;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;

namespace OneCExchange.Tests.Catalog;

/// <summary>
/// What a catalog package should leave in the store with default settings, computed with XDocument from the files
/// alone (never through the reader or the pipeline): groups, products and their names, variants, offers of unknown
/// products, the price that goes to Price and the stock.
/// </summary>
public static class CorpusCatalogExpectations
{
    public sealed record Expected(HashSet<string> Groups, Dictionary<string, string> Products, HashSet<string> Variants,
        long OrphanOffers, Dictionary<string, decimal> Prices, Dictionary<string, int> Stocks);

    /// <summary>
    /// The store holds exactly what the files say; <paramref name="steps"/> are the imports' counters: nothing failed,
    /// and the offers of products the package does not define were reported (one warning per file with their count).
    /// </summary>
    public static void AssertLanded(InMemoryCatalogStore store, Expected expected, IEnumerable<ImportCounters> steps)
    {
        var counters = steps.ToList();
        var failed = counters.Sum(c => c.Failed);
        var orphansReported = counters.SelectMany(c => c.Messages).Where(m => m.Key == MessageKeys.OffersWithoutProduct)
            .Sum(m => long.Parse((string)m.Arguments[0]));
        AssertLanded(store, expected, failed, orphansReported);
    }

    /// <summary>
    /// The store holds exactly what the files say, after an exchange over HTTP whose answers counted
    /// <paramref name="failed"/> failed items (the orphan offers' warnings are not seen there).
    /// </summary>
    public static void AssertLanded(InMemoryCatalogStore store, Expected expected, long failed) =>
        AssertLanded(store, expected, failed, orphansReported: null);

    private static void AssertLanded(InMemoryCatalogStore store, Expected expected, long failed, long? orphansReported)
    {
        Assert.Multiple(() =>
        {
            Assert.That(store.Categories.Count, Is.EqualTo(expected.Groups.Count), "categories");
            Assert.That(store.Products.Count, Is.EqualTo(expected.Products.Count), "products");
            Assert.That(store.Products.Values.Count(p => p.Published), Is.EqualTo(expected.Products.Count), "published");
            Assert.That(store.Combinations.Count, Is.EqualTo(expected.Variants.Count), "combinations");
            Assert.That(failed, Is.Zero, "failed items");
            if (orphansReported is not null)
                Assert.That(orphansReported, Is.EqualTo(expected.OrphanOffers), "offers of products the package does not define");
            foreach (var (key, name) in expected.Products)
                Assert.That(store.ProductOf(key).Name, Is.EqualTo(name), $"name of {key}");
            foreach (var (key, price) in expected.Prices)
                Assert.That(key.Contains('#') ? store.CombinationOf(key).OverriddenPrice : store.ProductOf(key).Price,
                    Is.EqualTo(price), $"price of {key}");
            foreach (var (key, stock) in expected.Stocks)
                Assert.That(key.Contains('#') ? store.CombinationOf(key).StockQuantity : store.ProductOf(key).StockQuantity,
                    Is.EqualTo(stock), $"stock of {key}");
        });
    }

    public static Expected Of(IReadOnlyList<XDocument> docs)
    {
        var groups = new HashSet<string>();
        var products = new Dictionary<string, string>();
        var variants = new HashSet<string>();
        foreach (var doc in docs)
        {
            foreach (var group in Named(doc, "Группа").Where(g => g.Parent?.Parent?.Name.LocalName is "Классификатор" or "Группа"))
                if (!IsDeleted(group))
                    groups.Add(Id(group));
            foreach (var product in Named(doc, "Товар").Where(t => t.Parent?.Parent?.Name.LocalName == "Каталог"))
            {
                if (IsDeleted(product))
                    continue;
                var id = Id(product);
                products[id.Split('#')[0]] = Child(product, "Наименование")!.Trim();
                if (id.Contains('#'))
                    variants.Add(id);
            }
        }

        string? firstPriceType = null;
        long orphans = 0;
        var prices = new Dictionary<string, decimal>();
        var stocks = new Dictionary<string, int>();
        var typeCurrency = new Dictionary<string, string?>();
        var catalogVariants = variants.ToHashSet();
        var deletedOffers = docs.SelectMany(d => Named(d, "Предложение")).Where(IsDeleted).Select(Id).ToHashSet();
        foreach (var doc in docs)
        {
            foreach (var type in Named(doc, "ТипЦены"))
                typeCurrency[Id(type)] = Child(type, "Валюта");
            foreach (var offer in Named(doc, "Предложение"))
            {
                var id = Id(offer);
                if (!products.ContainsKey(id.Split('#')[0]))
                {
                    if (!IsDeleted(offer))
                        orphans++;
                    continue;
                }
                // An offer 1C deleted (in any file) that the catalog does not define is not brought back by its
                // prices or rests.
                if (IsDeleted(offer) || (deletedOffers.Contains(id) && !catalogVariants.Contains(id)))
                    continue;
                if (id.Contains('#'))
                    variants.Add(id);
                var offerPrices = Local(offer, "Цены").SelectMany(c => Local(c, "Цена")).ToList();
                // Without settings, the first price type an offer uses is the Price.
                if (offerPrices.Count > 0)
                    firstPriceType ??= Child(offerPrices[0], "ИдТипаЦены");
                var chosen = offerPrices.FirstOrDefault(p => Child(p, "ИдТипаЦены") == firstPriceType);
                if (chosen != null && IsRoubles(Child(chosen, "Валюта") ?? typeCurrency.GetValueOrDefault(Child(chosen, "ИдТипаЦены")!)))
                    prices[id] = Number(Child(chosen, "ЦенаЗаЕдиницу")!);
                if (Stock(offer) is { } quantity)
                    stocks[id] = quantity;
            }
        }
        // A product with variants shows the sum of their stock, whatever its own offer says.
        foreach (var product in variants.GroupBy(v => v.Split('#')[0]))
            stocks[product.Key] = product.Sum(v => stocks.GetValueOrDefault(v));
        return new Expected(groups, products, variants, orphans, prices, stocks);
    }

    private static int? Stock(XElement offer)
    {
        decimal? total = null;
        if (Child(offer, "Количество") is { } quantity)
            total = Number(quantity);
        else if (Local(offer, "Склад").Where(s => s.Attribute("КоличествоНаСкладе") != null).ToList() is { Count: > 0 } stores)
            total = stores.Sum(s => Number(s.Attribute("КоличествоНаСкладе")!.Value));
        else if (Local(offer, "Остатки").SelectMany(r => Local(r, "Остаток")).ToList() is { Count: > 0 } rests)
            total = rests.Sum(r => Local(r, "Склад").Select(s => Child(s, "Количество")).Append(Child(r, "Количество"))
                .Where(q => q != null).Sum(q => Number(q!)));
        return total is { } t ? (int)Math.Floor(Math.Max(0, t)) : null;
    }

    private static bool IsRoubles(string? currency) =>
        currency is null || currency.Trim() is "" or "руб" or "руб." or "RUB" or "RUR" or "643";

    private static decimal Number(string text) =>
        decimal.Parse(text.Trim().Replace(" ", "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static bool IsDeleted(XElement e) =>
        e.Attribute("Статус")?.Value == "Удален" || Child(e, "ПометкаУдаления")?.Trim().ToLowerInvariant() is "true" or "истина";

    private static string Id(XElement e) => Child(e, "Ид")!.Trim();

    private static string? Child(XElement e, string name) => Local(e, name).FirstOrDefault()?.Value;

    private static IEnumerable<XElement> Local(XElement e, string name) => e.Elements().Where(c => c.Name.LocalName == name);

    public static IEnumerable<XElement> Named(XDocument doc, string name) =>
        doc.Descendants().Where(e => e.Name.LocalName == name);
}
