using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Settings;

namespace OneCExchange.Core.Catalog;

/// <summary>The prices of one offer as they go to the store, in the store currency.</summary>
internal sealed record RoutedPrices(decimal? Price, decimal? OldPrice, decimal? ProductCost, IReadOnlyList<TierPrice> Tiers)
{
    public bool IsEmpty => Price is null && OldPrice is null && ProductCost is null && Tiers.Count == 0;
}

/// <summary>
/// Sends each 1C price to where the settings map its price type (by Ид, else by name), converting its currency to the
/// store's. With no mapping configured, the first price type an offer of the session used is the Price (an earlier
/// session's default goes on while offers have a price of its type).
/// </summary>
internal sealed class PriceRouter(CatalogImportOptions options, CatalogSessionState session)
{
    private readonly string _storeCurrency = CurrencyCodes.Normalize(options.StoreCurrencyCode);

    public IReadOnlyList<string> TierRoles { get; } = options.PriceTypeMappings
        .Where(m => m.Target == PriceTarget.Tier && m.CustomerRole != null)
        .Select(m => m.CustomerRole!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public RoutedPrices Route(Offer offer, List<ExchangeMessage> warnings)
    {
        decimal? price = null, oldPrice = null, cost = null;
        var tiers = new List<TierPrice>();
        foreach (var offerPrice in offer.Prices)
        {
            var mapping = Find(offerPrice.PriceTypeId, offer);
            if (mapping is null or { Target: PriceTarget.Ignore })
                continue;
            if (Convert(offerPrice, offer.Id, warnings) is not { } amount)
                continue;
            switch (mapping.Target)
            {
                case PriceTarget.Price: price = amount; break;
                case PriceTarget.OldPrice: oldPrice = amount; break;
                case PriceTarget.ProductCost: cost = amount; break;
                case PriceTarget.Tier: tiers.Add(new TierPrice(mapping.CustomerRole!, amount)); break;
            }
        }
        return new RoutedPrices(price, oldPrice, cost, tiers);
    }

    private PriceTypeMapping? Find(string priceTypeId, Offer offer)
    {
        if (options.PriceTypeMappings.Count == 0)
        {
            var first = session.DefaultPriceTypeId ?? session.DefaultPriceType(DefaultCandidate(offer));
            return priceTypeId == first ? new PriceTypeMapping(first, PriceTarget.Price, null) : null;
        }
        var name = session.TryGetPriceType(priceTypeId, out var type) ? type.Name : null;
        return options.PriceTypeMappings.FirstOrDefault(m => string.Equals(m.Source, priceTypeId, StringComparison.OrdinalIgnoreCase))
            ?? (name is null ? null
                : options.PriceTypeMappings.FirstOrDefault(m => string.Equals(m.Source, name, StringComparison.OrdinalIgnoreCase)));
    }

    private string DefaultCandidate(Offer offer)
    {
        var carried = session.CarriedDefaultPriceTypeId;
        foreach (var offerPrice in offer.Prices)
            if (offerPrice.PriceTypeId == carried)
                return carried;
        return offer.Prices[0].PriceTypeId;
    }

    private decimal? Convert(OfferPrice offerPrice, string offerId, List<ExchangeMessage> warnings)
    {
        var code = offerPrice.Currency
            ?? (session.TryGetPriceType(offerPrice.PriceTypeId, out var type) ? type.Currency : null);
        if (string.IsNullOrWhiteSpace(code))
            return offerPrice.PricePerUnit;
        var currency = CurrencyCodes.Normalize(code);
        if (currency == _storeCurrency)
            return offerPrice.PricePerUnit;
        if (options.CurrencyRates?.TryGetRate(currency, _storeCurrency, out var rate) == true)
            return Math.Round(offerPrice.PricePerUnit * rate, 2, MidpointRounding.AwayFromZero);
        warnings.Add(ExchangeMessage.Of(MessageKeys.NoExchangeRate, offerId, currency, _storeCurrency, offerPrice.PriceTypeId));
        return null;
    }
}
