using Nop.Core.Domain.Directory;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Exchange rates between the store's currencies, as nopCommerce converts them: every Currency.Rate is relative to the
/// primary exchange-rate currency, so an amount in A is amount / A.Rate * B.Rate in B.
/// </summary>
public class StoreCurrencyRates : ICurrencyRateProvider
{
    private readonly Dictionary<string, decimal> _rates;

    public StoreCurrencyRates(IEnumerable<Currency> currencies)
    {
        _rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var currency in currencies.Where(c => !string.IsNullOrWhiteSpace(c.CurrencyCode) && c.Rate > 0))
            _rates.TryAdd(CurrencyCodes.Normalize(currency.CurrencyCode), currency.Rate);
    }

    public virtual bool TryGetRate(string fromCurrencyCode, string toCurrencyCode, out decimal rate)
    {
        rate = 0;
        if (!_rates.TryGetValue(CurrencyCodes.Normalize(fromCurrencyCode), out var from)
            || !_rates.TryGetValue(CurrencyCodes.Normalize(toCurrencyCode), out var to))
            return false;
        rate = to / from;
        return true;
    }
}
