using System.Collections.Concurrent;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// What one catalog exchange session learnt across its files: price types and warehouses (the classifier and the
/// offers come in different files), the classifier context the reader resolves properties with, and which kinds of
/// entities the session carried (the missing-items policy only applies to kinds the session actually sent).
/// Kept in memory while this process runs the session's steps, and saved with each step as a snapshot
/// (<see cref="CatalogSessionSnapshot"/>) so that a restarted process or another node of a web farm goes on with it.
/// </summary>
public sealed class CatalogSessionState
{
    private readonly ConcurrentDictionary<CatalogEntityKind, bool> _seenKinds = new();
    private readonly ConcurrentDictionary<string, byte> _deletedOffers = new(StringComparer.Ordinal);
    private string? _defaultPriceTypeId;
    private string? _carriedDefaultPriceTypeId;

    private MappingIndex? _maps;

    public CatalogSessionState(string sessionId) => SessionId = sessionId;

    public string SessionId { get; }

    /// <summary>The reader's classifier context, shared by every file of the session: it keeps the session's price
    /// types and warehouses (the classifier and the offers come in different files).</summary>
    public ClassifierContext Classifier { get; } = new();

    /// <summary>The price types the session's files defined so far.</summary>
    public IReadOnlyCollection<PriceType> PriceTypes => Classifier.PriceTypes;

    /// <summary>The warehouses the session's files defined so far.</summary>
    public IReadOnlyCollection<Warehouse> Warehouses => Classifier.Warehouses;

    public bool TryGetPriceType(string id, out PriceType priceType) => Classifier.TryGetPriceType(id, out priceType);

    public bool TryGetWarehouse(string id, out Warehouse warehouse) => Classifier.TryGetWarehouse(id, out warehouse);

    /// <summary>
    /// The price type that goes to Price when no mapping is configured: the first one an offer of the session used
    /// (1C often defines many price types of which the site gets one).
    /// </summary>
    public string DefaultPriceType(string candidate) =>
        Interlocked.CompareExchange(ref _defaultPriceTypeId, candidate, null) ?? candidate;

    /// <summary>
    /// The default price type of an earlier session of the exchange (each file of one package may come after its own
    /// checkauth). It goes on only for offers with a price of that type: offers without one come from another price
    /// list, and the session then picks its own default.
    /// </summary>
    internal void CarryDefaultPriceType(string priceTypeId) => _carriedDefaultPriceTypeId = priceTypeId;

    internal string? CarriedDefaultPriceTypeId => _carriedDefaultPriceTypeId;

    /// <summary>
    /// The mapping rows, read once per session (a 3.1 package has many files; reading the maps per file would make the
    /// work grow with files × catalog) and kept in step with every write of the session.
    /// </summary>
    internal MappingIndex Maps => _maps ??= new MappingIndex();

    /// <summary>Forgets the cached mapping rows (the session is over, or the store changed them).</summary>
    public void ReleaseMaps() => _maps = null;

    /// <summary>An offer 1C marked deleted before the store had it: later price or stock files of the session skip it.</summary>
    public void MarkDeletedOffer(string offerId) => _deletedOffers[offerId] = 0;

    public bool IsDeletedOffer(string offerId) => _deletedOffers.ContainsKey(offerId);

    /// <summary>Called per item: a kind already marked costs a lock-free read, not the dictionary's write lock.</summary>
    public void MarkSeen(CatalogEntityKind kind)
    {
        if (!_seenKinds.ContainsKey(kind))
            _seenKinds.TryAdd(kind, true);
    }

    internal IEnumerable<string> DeletedOffers => _deletedOffers.Keys;

    internal IEnumerable<CatalogEntityKind> SeenKinds => _seenKinds.Keys;

    internal string? DefaultPriceTypeId => Volatile.Read(ref _defaultPriceTypeId);

    public bool HasSeen(CatalogEntityKind kind) => _seenKinds.ContainsKey(kind);
}

/// <summary>The states of recent sessions, shared by the file import factory and the completion (a singleton).</summary>
public sealed class CatalogSessions
{
    private const int Kept = 8;
    private readonly ConcurrentDictionary<string, (CatalogSessionState State, long Order)> _sessions = new();
    private long _order;

    /// <summary>The state of a session; creating a new one releases the mapping caches of the others.</summary>
    /// <param name="savedState">The snapshot an earlier step saved, restored when this process does not hold the session.</param>
    public CatalogSessionState GetOrCreate(string sessionId, string? savedState = null)
    {
        if (_sessions.TryGetValue(sessionId, out var known))
            return known.State;
        var entry = _sessions.GetOrAdd(sessionId, id => (CatalogSessionSnapshot.Read(id, savedState), Interlocked.Increment(ref _order)));
        foreach (var other in _sessions.Values)
            if (other.State != entry.State)
                other.State.ReleaseMaps();
        if (_sessions.Count > Kept)
            foreach (var old in _sessions.OrderBy(s => s.Value.Order).Take(_sessions.Count - Kept).ToList())
                _sessions.TryRemove(old.Key, out _);
        return entry.State;
    }

    /// <summary>Drops what this process knew of the session (another process went on with it).</summary>
    public void Forget(string sessionId) => _sessions.TryRemove(sessionId, out _);

    public CatalogSessionState? Find(string sessionId) =>
        _sessions.TryGetValue(sessionId, out var entry) ? entry.State : null;
}
