using OneCExchange.Core.Catalog;

namespace OneCExchange.Core.Ports;

/// <summary>
/// The store side of the catalog sync: the host (the nopCommerce plugin) writes what the pipeline decided, and answers
/// what it already holds. It makes no mapping decision: every command carries final values and host entity ids.
/// </summary>
/// <remarks>
/// Identity lives in the host's mapping table: one row per (<see cref="CatalogEntityKind"/>, 1C key) holding the host
/// entity id, the content hash of what was last written, and the id of the last exchange session that carried the item
/// ("last seen"). The pipeline reads each kind's rows once per file, keeps them in memory, and sends batches.
/// </remarks>
public interface ICatalogStore
{
    /// <summary>
    /// Every mapping row of one kind, streamed (the pipeline builds its own dictionary; 100k+ rows are normal).
    /// </summary>
    IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a batch in ONE transaction: either every command and every mapping write lands, or nothing does (then
    /// throw; the pipeline retries the items one by one to isolate the bad one). Commands are applied in list order.
    /// Commands refer to other entities only by host ids the pipeline already holds (dependencies such as options,
    /// manufacturers or categories are sent in an earlier batch). For each command the store also upserts the
    /// mapping row (command.Kind, command.Key) with the entity id, command.Hash and batch.SessionId as last seen
    /// (except <see cref="RollUpVariantStock"/>, which writes none; an <see cref="UpsertProduct"/> also writes a
    /// Picture row per listed picture and deletes the rows of the pictures it removes).
    /// For each <see cref="CatalogBatch.Unchanged"/> key it sets last seen = batch.SessionId (nothing else changes;
    /// a key without a row is ignored).
    /// </summary>
    /// <returns>One outcome per command, in command order.</returns>
    Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Which of these SEO slugs are already used by any entity of the store (any entity type, any language,
    /// active or not), compared case-insensitively. The pipeline makes new slugs unique with it.
    /// </summary>
    Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken);

    /// <summary>
    /// Existing, not deleted products by SKU (exact, case-insensitive), for the optional adoption of products created
    /// in the store before the exchange. A SKU shared by several products is left out (never adopt ambiguously).
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken);

    /// <summary>
    /// The missing-items policy after a full exchange: unpublishes every published entity of these kinds whose mapping
    /// row's last seen session is not <paramref name="sessionId"/> (only <see cref="CatalogEntityKind.Category"/> and
    /// <see cref="CatalogEntityKind.Product"/> are meaningful). Never deletes. It also clears the hash of every row it
    /// unpublished, so that the item is written again (and republished) when a later exchange carries it, even
    /// unchanged. Returns how many were unpublished.
    /// The store may run it in several transactions; it is idempotent.
    /// </summary>
    Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
        CancellationToken cancellationToken);

    /// <summary>
    /// How many mapping rows of this kind have <paramref name="sessionId"/> as their last seen session (written or
    /// confirmed unchanged by it). The completion unpublishes missing items of a kind only when the session carried
    /// that kind at all. Null = the store cannot tell (the default); the completion then relies on the memory of the
    /// running process and, after a restart, unpublishes nothing.
    /// </summary>
    Task<int?> CountSeenAsync(string sessionId, CatalogEntityKind kind, CancellationToken cancellationToken) =>
        Task.FromResult<int?>(null);
}

/// <summary>One row of the host's mapping table.</summary>
/// <param name="Hash">Content hash the pipeline sent with the last write (null when unknown).</param>
public sealed record EntityMapping(string Key, int EntityId, string? Hash);

/// <summary>Commands applied in one transaction, plus the keys confirmed unchanged in this session.</summary>
public sealed record CatalogBatch(string SessionId, IReadOnlyList<CatalogCommand> Commands,
    IReadOnlyList<EntityKey> Unchanged);

/// <summary>The store's answer to a batch.</summary>
public sealed record CatalogBatchResult(IReadOnlyList<CommandOutcome> Outcomes);

/// <summary>What a command did.</summary>
/// <param name="EntityId">The host entity the command wrote (new id when created).</param>
/// <param name="Created">True when the entity did not exist before this command.</param>
/// <param name="PictureIds">For an <see cref="UpsertProduct"/> with Pictures: the picture ids in the order of its
/// Pictures list; null otherwise.</param>
public readonly record struct CommandOutcome(int EntityId, bool Created, IReadOnlyList<int>? PictureIds = null);
