using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>
/// The stages of a flush, one store transaction each, in the order later commands need the ids earlier ones create.
/// </summary>
internal enum ImportStage { Dependencies, Options, Main, Variants, Offers }

/// <summary>One command of an item: built at flush time (when the ids it needs exist), null when it cannot be.</summary>
/// <param name="Primary">The item's own entity: its creation counts the item as created.</param>
internal sealed record ImportPart(ImportStage Stage, Func<CatalogCommand?> Build, bool Primary,
    Action<CommandOutcome>? OnApplied = null);

/// <summary>An item of the file waiting in the batch with the commands it needs.</summary>
internal sealed class PendingItem(ItemProgress progress)
{
    public ItemProgress Progress { get; } = progress;
    public List<ImportPart> Parts { get; } = [];
    public bool Unpublishes { get; set; }

    /// <summary>A counted item of the file, labelled with its position in the file for error reports.</summary>
    public static PendingItem Of(Func<ExchangeMessage> label, SourceLocation location) =>
        new(new ItemProgress(() => ExchangeMessage.Of(MessageKeys.LabelAt, label(), location.ToString()), counted: true));
}

/// <summary>
/// The items buffered for the next flush, the mapping keys they will write (an item touching a key already pending
/// waits for a flush), the unchanged items seen, and the products whose stock or price follows their variants.
/// </summary>
internal sealed class ImportBatch(ICatalogStore store, MappingIndex maps, ImportCounters counters)
{
    private readonly HashSet<EntityKey> _keys = [];

    public List<PendingItem> Items { get; } = [];
    /// <summary>Counted items buffered: the batch size is measured in these.</summary>
    public int CountedItems { get; private set; }
    /// <summary>Keys of unchanged items: the store records that this session saw them.</summary>
    public List<EntityKey> Unchanged { get; } = [];
    /// <summary>Products whose variants' stock changed (by key: a product created in the batch has no id yet).</summary>
    public HashSet<string> StockRollUps { get; } = new(StringComparer.Ordinal);
    /// <summary>Products whose variants' prices changed: their own price follows the lowest.</summary>
    public HashSet<string> PriceRollUps { get; } = new(StringComparer.Ordinal);

    /// <summary>The number of the last item taken (written or only observed).</summary>
    public long LastQueued { get; set; }
    /// <summary>The number of the last item committed in the store by a flush.</summary>
    public long Committed { get; private set; }

    public bool IsEmpty => Items.Count == 0 && Unchanged.Count == 0;

    public bool Contains(EntityKey key) => _keys.Contains(key);

    public bool Contains(CatalogEntityKind kind, string key) => _keys.Contains(new(kind, key));

    /// <summary>Queues the item when it has commands; otherwise counts it as skipped.</summary>
    public void Finish(PendingItem item, List<EntityKey> keys)
    {
        if (item.Parts.Count == 0)
            counters.Skipped++;
        else
            Enqueue(item, keys.ToArray());
    }

    public void Enqueue(PendingItem item, params EntityKey[] keys)
    {
        Items.Add(item);
        if (item.Progress.Counted)
            CountedItems++;
        foreach (var key in keys)
            _keys.Add(key);
    }

    /// <summary>A part of an item that needs no write: its key is marked seen with the last stage.</summary>
    public void MarkUnchanged(CatalogEntityKind kind, string key) => Unchanged.Add(new(kind, key));

    /// <summary>An item that needs no write: counted as skipped, its key marked seen.</summary>
    public void SkipUnchanged(CatalogEntityKind kind, string key)
    {
        MarkUnchanged(kind, key);
        counters.Skipped++;
    }

    /// <summary>Queues the creation of something an item needs (an option, a manufacturer...) unless it exists or is
    /// already queued; true when it was queued now. The label and command are built only then.</summary>
    public async ValueTask<bool> EnsureDependencyAsync<TState>(EntityKey key, TState state,
        Func<TState, ExchangeMessage> label, ImportStage stage, Func<TState, CatalogCommand?> build, CancellationToken ct)
    {
        if (await KnownAsync(key, ct))
            return false;
        var item = new PendingItem(new ItemProgress(() => label(state), counted: false));
        item.Parts.Add(new ImportPart(stage, () => build(state), Primary: true));
        Enqueue(item, key);
        return true;
    }

    public async ValueTask<bool> KnownAsync(EntityKey key, CancellationToken ct) =>
        (await maps.GetAsync(store, key.Kind, ct)).ContainsKey(key.Key) || _keys.Contains(key);

    /// <summary>After a flush: everything taken so far is committed.</summary>
    public void Clear()
    {
        Committed = LastQueued;
        Items.Clear();
        CountedItems = 0;
        _keys.Clear();
        Unchanged.Clear();
        StockRollUps.Clear();
        PriceRollUps.Clear();
    }
}
