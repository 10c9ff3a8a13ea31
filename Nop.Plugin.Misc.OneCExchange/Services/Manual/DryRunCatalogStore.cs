using System.Runtime.CompilerServices;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>
/// The catalog store of a dry run: it answers what the store holds (mappings, taken slugs, SKUs) from the real store
/// and writes nothing. Each batch it is given is tallied per kind: what the import would create, update, leave
/// unchanged or unpublish. New entities get made-up ids above any real one, so later commands can refer to them.
/// </summary>
public class DryRunCatalogStore : ICatalogStore
{
    #region Fields

    private const int FirstMadeUpId = 1_000_000_000;

    protected readonly ICatalogStore _store;
    protected readonly DryRunTally _tally;
    private readonly Dictionary<CatalogEntityKind, HashSet<string>> _existing = [];
    private int _nextId = FirstMadeUpId;

    #endregion

    #region Ctor

    public DryRunCatalogStore(ICatalogStore store, DryRunTally tally)
    {
        _store = store;
        _tally = tally;
    }

    #endregion

    public virtual async IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _store.ReadMappingsAsync(kind, cancellationToken))
        {
            keys.Add(row.Key);
            yield return row;
        }
        _existing[kind] = keys;
        _tally.Existing(kind, keys.Count);
    }

    public virtual Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken)
    {
        var outcomes = new List<CommandOutcome>(batch.Commands.Count);
        foreach (var command in batch.Commands)
        {
            var created = command.EntityId is null && command is not RollUpVariantStock;
            var id = command.EntityId ?? (command is RollUpVariantStock rollUp ? rollUp.ProductId : Interlocked.Increment(ref _nextId));
            switch (command)
            {
                case RollUpVariantStock:
                    break;
                case UnpublishEntity:
                    _tally.Unpublished(command.Kind, command.Key);
                    break;
                // Prices and stock name their target, not their row: whether the row exists says created or updated.
                case var _ when created || (_existing.TryGetValue(command.Kind, out var keys) && !keys.Contains(command.Key)):
                    _tally.Created(command.Kind, command.Key);
                    break;
                default:
                    _tally.Updated(command.Kind, command.Key);
                    break;
            }
            if (command is UpsertProduct { Pictures: { } listed })
                foreach (var picture in listed)
                    TallyPicture(picture);
            var pictureIds = command is UpsertProduct { Pictures: { } pictures }
                ? pictures.Select(p => p.PictureId ?? Interlocked.Increment(ref _nextId)).ToList()
                : null;
            outcomes.Add(new CommandOutcome(id, created, pictureIds));
        }
        foreach (var key in batch.Unchanged)
            _tally.Unchanged(key.Kind, key.Key);
        return Task.FromResult(new CatalogBatchResult(outcomes));
    }

    protected virtual void TallyPicture(ProductPicture picture)
    {
        switch (picture.Action)
        {
            case PictureAction.Add: _tally.Created(CatalogEntityKind.Picture, picture.Key); break;
            case PictureAction.Replace: _tally.Updated(CatalogEntityKind.Picture, picture.Key); break;
            default: _tally.Unchanged(CatalogEntityKind.Picture, picture.Key); break;
        }
    }

    public virtual Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        _store.FindTakenSlugsAsync(slugs, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken) =>
        _store.FindProductsBySkuAsync(skus, cancellationToken);

    public virtual Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
        CancellationToken cancellationToken) =>
        Task.FromResult(0);
}
