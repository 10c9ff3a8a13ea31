using System.Globalization;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The price a product with variants shows in listings and on its page: the lowest price of its variants, unless 1C
/// sends an offer without characteristics for the product (then that offer's price is the product's, as for any
/// product). The price of every variant is kept in its OfferPrices mapping row (after the content hash, "hash|price"),
/// so the lowest is known across sessions and changes-only packages without asking the store. The product's derived
/// price is remembered in the product offer's OfferPrices row as "V:price", which an offer of its own overwrites.
/// </summary>
internal sealed class VariantPrices
{
    private const string DerivedPrefix = "V:";

    private readonly Dictionary<string, MappedEntity> _priceMap;
    private readonly Func<string, bool> _isDeletedVariant;
    private Dictionary<string, Dictionary<string, decimal>>? _byProduct;

    /// <param name="priceMap">The OfferPrices mapping rows.</param>
    /// <param name="isDeletedVariant">True for a variant key 1C marked deleted (its price no longer counts).</param>
    public VariantPrices(Dictionary<string, MappedEntity> priceMap, Func<string, bool> isDeletedVariant)
    {
        _priceMap = priceMap;
        _isDeletedVariant = isDeletedVariant;
    }

    /// <summary>The hash to remember for a variant's prices: the content hash and the variant's price.</summary>
    public static string VariantHash(string contentHash, decimal? price) =>
        price is { } value ? contentHash + "|" + value.ToString(CultureInfo.InvariantCulture) : contentHash;

    /// <summary>The hash of a product price derived from its variants.</summary>
    public static string DerivedHash(decimal price) => DerivedPrefix + price.ToString(CultureInfo.InvariantCulture);

    /// <summary>The product key of a variant key "product#characteristic".</summary>
    public static string ProductKeyOf(string variantKey) => variantKey[..Math.Max(0, variantKey.IndexOf('#'))];

    /// <summary>Notes a variant's new price (null: the variant no longer counts, e.g. deleted).</summary>
    public void Note(string variantKey, decimal? price)
    {
        var prices = PricesOf(ProductKeyOf(variantKey));
        if (price is { } value)
            prices[variantKey] = value;
        else
            prices.Remove(variantKey);
    }

    /// <summary>
    /// The product price to set for <paramref name="productKey"/>: the lowest variant price, or null when the product
    /// has an offer price of its own, has no priced variant, or already has that price.
    /// </summary>
    public decimal? PriceToSet(string productKey)
    {
        if (_priceMap.TryGetValue(productKey, out var own) && own.Hash?.StartsWith(DerivedPrefix, StringComparison.Ordinal) != true)
            return null;
        var prices = PricesOf(productKey);
        if (prices.Count == 0)
            return null;
        var lowest = prices.Values.Min();
        return own?.Hash == DerivedHash(lowest) ? null : lowest;
    }

    private Dictionary<string, decimal> PricesOf(string productKey)
    {
        _byProduct ??= Index();
        if (!_byProduct.TryGetValue(productKey, out var prices))
            _byProduct[productKey] = prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        return prices;
    }

    private Dictionary<string, Dictionary<string, decimal>> Index()
    {
        var index = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var (key, entry) in _priceMap)
        {
            if (key.IndexOf('#') <= 0 || PriceIn(entry.Hash) is not { } price || _isDeletedVariant(key))
                continue;
            var productKey = ProductKeyOf(key);
            if (!index.TryGetValue(productKey, out var prices))
                index[productKey] = prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
            prices[key] = price;
        }
        return index;
    }

    private static decimal? PriceIn(string? hash)
    {
        var bar = hash?.LastIndexOf('|') ?? -1;
        return bar > 0 && decimal.TryParse(hash.AsSpan(bar + 1), NumberStyles.Number, CultureInfo.InvariantCulture, out var price)
            ? price
            : null;
    }
}
