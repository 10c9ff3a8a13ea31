using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The sizes of the store's text columns the catalog writes. A longer value is cut with a warning naming the item:
/// SQL Server and MySQL refuse it (the item would not be imported at all), PostgreSQL's citext would keep it whole.
/// The defaults are nopCommerce's (its entity builders: 400 characters for names, SKU, GTIN).
/// </summary>
public sealed record ColumnLimits
{
    public int ProductName { get; init; } = 400;
    public int Sku { get; init; } = 400;
    public int Gtin { get; init; } = 400;
    public int CategoryName { get; init; } = 400;
    public int ManufacturerName { get; init; } = 400;

    /// <summary>The command with every value cut to its column; <paramref name="warn"/> hears of each cut.</summary>
    public CatalogCommand Fit(CatalogCommand command, Action<ExchangeMessage> warn)
    {
        return command switch
        {
            UpsertProduct p => p with
            {
                Name = Cut(p.Name, ProductName, () => ExchangeMessage.Of(MessageKeys.LabelProduct, p.Key, Short(p.Name)), MessageKeys.FieldName),
                Sku = Cut(p.Sku, Sku, () => ExchangeMessage.Of(MessageKeys.LabelProduct, p.Key, Short(p.Name)), MessageKeys.FieldSku),
                Gtin = Cut(p.Gtin, Gtin, () => ExchangeMessage.Of(MessageKeys.LabelProduct, p.Key, Short(p.Name)), MessageKeys.FieldGtin),
            },
            UpsertVariant v => v with
            {
                Sku = Cut(v.Sku, Sku, () => ExchangeMessage.Of(MessageKeys.LabelOffer, v.Key), MessageKeys.FieldSku),
                Gtin = Cut(v.Gtin, Gtin, () => ExchangeMessage.Of(MessageKeys.LabelOffer, v.Key), MessageKeys.FieldGtin),
            },
            UpsertCategory c => c with { Name = Cut(c.Name, CategoryName, () => ExchangeMessage.Of(MessageKeys.LabelGroup, c.Key, Short(c.Name)), MessageKeys.FieldName)! },
            UpsertManufacturer m => m with { Name = Cut(m.Name, ManufacturerName, () => ExchangeMessage.Of(MessageKeys.LabelManufacturer, Short(m.Name)), MessageKeys.FieldName)! },
            _ => command,
        };

        // The item's label is built only for a value that is cut: most commands cut nothing.
        string? Cut(string? value, int limit, Func<ExchangeMessage> item, string fieldKey)
        {
            if (value is null || value.Length <= limit)
                return value;
            warn(ExchangeMessage.Of(MessageKeys.ValueCut, item(), ExchangeMessage.Of(fieldKey), limit, value.Length));
            return value[..limit];
        }

        // An item named by a value too long to show is named by its beginning.
        static string? Short(string? name) => name is { Length: > 60 } ? name[..60] + "…" : name;
    }
}
