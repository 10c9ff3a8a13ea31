using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>What a dry run would do, per kind of entity, counted once per 1C key.</summary>
public class DryRunTally
{
    private readonly Dictionary<CatalogEntityKind, KindTally> _kinds = [];
    private readonly object _lock = new();

    public virtual void Existing(CatalogEntityKind kind, int rows)
    {
        lock (_lock)
            For(kind).ExistingRows = rows;
    }

    public virtual void Created(CatalogEntityKind kind, string key) => Note(kind, key, Outcome.Created);

    public virtual void Updated(CatalogEntityKind kind, string key) => Note(kind, key, Outcome.Updated);

    public virtual void Unchanged(CatalogEntityKind kind, string key) => Note(kind, key, Outcome.Unchanged);

    public virtual void Unpublished(CatalogEntityKind kind, string key) => Note(kind, key, Outcome.Unpublished);

    /// <summary>The counts per kind; <paramref name="missingKinds"/> also counts the store's rows the package did not carry.</summary>
    public virtual IReadOnlyList<DryRunKindCounts> Counts(IReadOnlyCollection<CatalogEntityKind> missingKinds)
    {
        lock (_lock)
            return _kinds.Where(k => k.Value.Keys.Count > 0 || (missingKinds.Contains(k.Key) && k.Value.ExistingRows > 0))
                .OrderBy(k => k.Key).Select(k => new DryRunKindCounts(k.Key,
                k.Value.Count(Outcome.Created), k.Value.Count(Outcome.Updated), k.Value.Count(Outcome.Unchanged),
                k.Value.Count(Outcome.Unpublished),
                missingKinds.Contains(k.Key) ? Math.Max(0, k.Value.ExistingRows - k.Value.ExistingSeen) : 0)).ToList();
    }

    private void Note(CatalogEntityKind kind, string key, Outcome outcome)
    {
        lock (_lock)
        {
            var tally = For(kind);
            // The first thing done to a key says what it is (a product created, then its stock rolled up, is created).
            if (tally.Keys.TryAdd(key, outcome) && outcome != Outcome.Created)
                tally.ExistingSeen++;
        }
    }

    private KindTally For(CatalogEntityKind kind)
    {
        if (!_kinds.TryGetValue(kind, out var tally))
            _kinds[kind] = tally = new KindTally();
        return tally;
    }

    private enum Outcome { Created, Updated, Unchanged, Unpublished }

    private sealed class KindTally
    {
        public Dictionary<string, Outcome> Keys { get; } = new(StringComparer.Ordinal);
        public int ExistingRows { get; set; }
        public int ExistingSeen { get; set; }
        public int Count(Outcome outcome) => Keys.Values.Count(v => v == outcome);
    }
}

/// <summary>What a dry run would do to one kind of entity.</summary>
/// <param name="Missing">Entities the store has from 1C that a full package does not carry (unpublished at its end).</param>
public record DryRunKindCounts(CatalogEntityKind Kind, int Created, int Updated, int Unchanged, int Unpublished, int Missing);
