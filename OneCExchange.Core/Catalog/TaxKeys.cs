using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.Catalog;

/// <summary>The tax category a product's VAT rate (СтавкаНалога НДС) maps to: one category per rate.</summary>
internal static class TaxKeys
{
    /// <summary>(mapping key, tax category name), or null when the product has no VAT rate.</summary>
    public static (string Key, string Name)? For(IReadOnlyList<TaxRate> rates)
    {
        var vat = rates.FirstOrDefault(r => r.Name.Contains("НДС", StringComparison.OrdinalIgnoreCase)
                                            || r.Name.Contains("VAT", StringComparison.OrdinalIgnoreCase))
                  ?? rates.FirstOrDefault();
        if (vat is null)
            return null;
        return vat.Percent is { } percent
            ? ($"VAT:{percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}",
               $"НДС {percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%")
            : ("VAT:none", "Без НДС");
    }
}
