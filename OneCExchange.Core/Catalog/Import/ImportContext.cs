using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>
/// What the steps of one file's import share: the store, the settings, the session's mapping rows, the buffered batch,
/// the slugs to allocate, the warnings already given and the content hash builder.
/// </summary>
internal sealed class ImportContext
{
    /// <summary>The hash of a mapping row whose entity 1C deleted (the entity is unpublished, not removed).</summary>
    public const string DeletedHash = "D:";
    /// <summary>The hash of a product created from an offer: any catalog describing it differs and updates it.</summary>
    public const string ProductFromOfferHash = "O:";

    public static readonly NewProductDefaults SellableDefaults = new(1, 10000, true, true, true);

    public ImportContext(ICatalogStore store, CatalogImportOptions options, CatalogSessionState session,
        ImportCounters counters)
    {
        Store = store;
        Options = options;
        Session = session;
        Counters = counters;
        Warnings = new ImportWarnings(counters);
        Batch = new ImportBatch(store, session.Maps, counters);
        Slugs = new SlugAllocator(store, session.Maps);
    }

    public ICatalogStore Store { get; }
    public CatalogImportOptions Options { get; }
    public CatalogSessionState Session { get; }
    public ImportCounters Counters { get; }
    public MappingIndex Maps => Session.Maps;
    public ImportWarnings Warnings { get; }
    public ImportBatch Batch { get; }
    public SlugAllocator Slugs { get; }
    public ContentHash Hash { get; } = new();

    /// <summary>The variants' prices of the session's products, made when the first offer is read.</summary>
    public VariantPrices? VariantPrices { get; set; }

    public ValueTask<Dictionary<string, MappedEntity>> MapAsync(CatalogEntityKind kind, CancellationToken ct) =>
        Maps.GetAsync(Store, kind, ct);

    public int? EntityIdOf(CatalogEntityKind kind, string key) => EntityIdOf(Maps.Loaded(kind), key);

    public static int? EntityIdOf(Dictionary<string, MappedEntity> map, string key) =>
        map.TryGetValue(key, out var entry) ? entry.EntityId : null;

    /// <summary>False for empty text and 1C's empty reference (the zero GUID).</summary>
    public static bool IsValue(string text) =>
        text.Length > 0 && text != "00000000-0000-0000-0000-000000000000";

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
