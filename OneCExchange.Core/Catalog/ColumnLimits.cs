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
    public CatalogCommand Fit(CatalogCommand command, Action<string> warn)
    {
        return command switch
        {
            UpsertProduct p => p with
            {
                Name = Cut(p.Name, ProductName, $"Товар {p.Key}", "наименование"),
                Sku = Cut(p.Sku, Sku, $"Товар {p.Key}", "артикул"),
                Gtin = Cut(p.Gtin, Gtin, $"Товар {p.Key}", "штрихкод"),
            },
            UpsertVariant v => v with
            {
                Sku = Cut(v.Sku, Sku, $"Предложение {v.Key}", "артикул"),
                Gtin = Cut(v.Gtin, Gtin, $"Предложение {v.Key}", "штрихкод"),
            },
            UpsertCategory c => c with { Name = Cut(c.Name, CategoryName, $"Группа {c.Key}", "наименование")! },
            UpsertManufacturer m => m with { Name = Cut(m.Name, ManufacturerName, $"Изготовитель {m.Key}", "наименование")! },
            _ => command,
        };

        string? Cut(string? value, int limit, string item, string field)
        {
            if (value is null || value.Length <= limit)
                return value;
            warn($"{item}: {field} длиннее {limit} символов ({value.Length}), сохранены первые {limit}");
            return value[..limit];
        }
    }
}
