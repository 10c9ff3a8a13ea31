namespace OneCExchange.Core.Ports;

/// <summary>Exchange rates between currencies, as the store knows them.</summary>
public interface ICurrencyRateProvider
{
    /// <summary>The factor that converts an amount in <paramref name="fromCurrencyCode"/> to
    /// <paramref name="toCurrencyCode"/>; false when unknown.</summary>
    bool TryGetRate(string fromCurrencyCode, string toCurrencyCode, out decimal rate);
}
