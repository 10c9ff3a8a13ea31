using OneCExchange.Core.Catalog;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using CmlProduct = OneCExchange.Core.CommerceMl.Product;

namespace OneCExchange.Tests.Catalog;

/// <summary>Builds reader records for tests that feed the pipeline directly.</summary>
internal static class Cml
{
    private static int _line;

    private static SourceLocation Here() => new("test.xml", Interlocked.Increment(ref _line), 1);

    public static CatalogHeader Catalog(bool changesOnly = false) =>
        new() { Location = Here(), Id = "catalog", ContainsOnlyChanges = changesOnly };

    public static Group Group(string id, string name, string? parent = null, bool deleted = false) =>
        new() { Location = Here(), Id = id, Name = name, ParentId = parent, IsDeleted = deleted };

    public static PropertyDefinition Property(string id, string name, PropertyValueType type = PropertyValueType.String,
        params ReferenceValue[] values) =>
        new() { Location = Here(), Id = id, Name = name, ValueType = type, ReferenceValues = values };

    public static PriceType PriceType(string id, string name, string currency = "RUB") =>
        new() { Location = Here(), Id = id, Name = name, Currency = currency };

    public static Warehouse Warehouse(string id, string name) => new() { Location = Here(), Id = id, Name = name };

    public static CmlProduct Product(string id, string name, params string[] groups) =>
        new() { Location = Here(), Id = id, Name = name, GroupIds = groups };

    public static PropertyValue Value(string propertyId, string propertyName, string text, string? referenceId = null,
        PropertyValueType type = PropertyValueType.String) =>
        new()
        {
            PropertyId = propertyId, PropertyName = propertyName, ValueType = type,
            Values = [new PropertyValueItem(text, referenceId)],
        };

    public static Offer Offer(string id) =>
        new()
        {
            Location = Here(), Id = id, ProductId = id.Split('#')[0],
            CharacteristicId = id.Contains('#') ? id.Split('#')[1] : null,
        };

    public static Offer WithPrices(this Offer offer, params (string Type, decimal Price)[] prices) =>
        offer with
        {
            HasPrices = true,
            Prices = prices.Select(p => new OfferPrice(p.Type, p.Price, null, "шт", 1, null)).ToList(),
        };

    public static Offer WithStock(this Offer offer, decimal quantity) =>
        offer with { HasStock = true, Quantity = quantity };

    public static Offer WithStocks(this Offer offer, params (string Warehouse, decimal Quantity)[] stocks) =>
        offer with { HasStock = true, Stocks = stocks.Select(s => new WarehouseStock(s.Warehouse, s.Quantity)).ToList() };
}

/// <summary>A store fake, session states and a staging folder; imports record lists like one file each.</summary>
internal sealed class CatalogHarness : IDisposable
{
    public InMemoryCatalogStore Store { get; } = new();
    public CatalogSessions Sessions { get; } = new();
    public string Folder { get; } = Directory.CreateTempSubdirectory("onec-catalog-").FullName;
    public CatalogImportOptions Options { get; set; } = new();

    public async Task<ImportCounters> ImportAsync(string sessionId, params CommerceMlRecord[] records)
    {
        var counters = new ImportCounters();
        var importer = new CatalogImporter(Store, Options, Sessions.GetOrCreate(sessionId), Folder, counters);
        long number = 0;
        foreach (var record in records)
            await importer.AddAsync(record, ++number, CancellationToken.None);
        await importer.CompleteAsync(CancellationToken.None);
        return counters;
    }

    public Task<ImportCounters> ImportAsync(params CommerceMlRecord[] records) => ImportAsync("s1", records);

    public Task<string> CompleteAsync(string sessionId, bool full) =>
        new CatalogCompletionService(Store, Options, Sessions)
            .CompleteAsync(new CatalogCompletion(sessionId, full, DateTimeOffset.UtcNow), CancellationToken.None);

    /// <summary>Writes a staged image file (package-relative path) and returns the path.</summary>
    public string WriteImage(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return relativePath;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
