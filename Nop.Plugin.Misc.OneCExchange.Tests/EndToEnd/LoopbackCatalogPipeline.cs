using System.Runtime.CompilerServices;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.Protocol;

namespace OneCExchange.Tests.EndToEnd;

/// <summary>
/// Core's real catalog pipeline (<see cref="CatalogFileImportFactory"/>, <see cref="CatalogCompletionService"/>) on the
/// loopback host over an <see cref="InMemoryCatalogStore"/>, wired with the lifetimes of a real host: the factory,
/// the completion, the session states and the options live for the process, while the store is request-scoped —
/// each request gets its own <see cref="OneRequestCatalogStore"/> that refuses any use after its request ended.
/// The pipeline holds a <see cref="CurrentRequestCatalogStore"/> that resolves the current request's store on every
/// call, so an import the protocol keeps open between requests writes through the request that runs it.
/// </summary>
public sealed class LoopbackCatalogPipeline
{
    private readonly AsyncLocal<OneRequestCatalogStore?> _current = new();

    private LoopbackCatalogPipeline(CatalogImportOptions options, InMemoryCatalogStore store)
    {
        Options = options;
        Store = store;
    }

    /// <summary>The store's catalog; hosts of one web farm share one.</summary>
    public InMemoryCatalogStore Store { get; }
    public CatalogImportOptions Options { get; }
    /// <summary>The process memory of the sessions (price types, classifier context); a restart loses it.</summary>
    public CatalogSessions Sessions { get; private set; } = new();

    /// <summary>True while a request of the host runs (for other request-scoped fakes, e.g. the order change sink).</summary>
    public bool InRequest => _current.Value is { Ended: false };

    /// <summary>Requests that used the store.</summary>
    public int ScopesUsed { get; private set; }

    public static LoopbackCatalogPipeline On(LoopbackExchangeHost host, CatalogImportOptions? options = null, InMemoryCatalogStore? sharedStore = null)
    {
        var pipeline = new LoopbackCatalogPipeline(options ?? new CatalogImportOptions(), sharedStore ?? new InMemoryCatalogStore());
        host.RequestScope = pipeline.BeginRequest;
        pipeline.Wire(host);
        return pipeline;
    }

    /// <summary>What a store restart does: the host's process memory and the sessions' states are gone, the store stays.</summary>
    public void Restart(LoopbackExchangeHost host)
    {
        host.Restart();
        Sessions = new CatalogSessions();
        Wire(host);
    }

    private void Wire(LoopbackExchangeHost host)
    {
        var store = new CurrentRequestCatalogStore(() => _current.Value
            ?? throw new InvalidOperationException("The catalog store was used outside of a request."));
        host.CatalogImportOverride = new CatalogFileImportFactory(store, Options, Sessions, host.Time);
        host.CompletionOverride = new CatalogCompletionService(store, Options, Sessions);
    }

    // Not async: the AsyncLocal value set here stays visible to the request handler that called it.
    private IAsyncDisposable BeginRequest()
    {
        var scoped = new OneRequestCatalogStore(Store, () => ScopesUsed++);
        _current.Value = scoped;
        return scoped;
    }
}

/// <summary>The store of one request: the shared in-memory store, usable only until the request ends.</summary>
public sealed class OneRequestCatalogStore(ICatalogStore store, Action firstUse) : ICatalogStore, IAsyncDisposable
{
    private bool _used;

    public bool Ended { get; private set; }

    public async IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Use();
        await foreach (var mapping in store.ReadMappingsAsync(kind, cancellationToken))
        {
            Use();
            yield return mapping;
        }
    }

    public Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken) =>
        Use().ApplyAsync(batch, cancellationToken);

    public Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        Use().FindTakenSlugsAsync(slugs, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken) => Use().FindProductsBySkuAsync(skus, cancellationToken);

    public Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
        CancellationToken cancellationToken) => Use().UnpublishNotSeenAsync(sessionId, kinds, cancellationToken);

    public Task<int?> CountSeenAsync(string sessionId, CatalogEntityKind kind, CancellationToken cancellationToken) =>
        Use().CountSeenAsync(sessionId, kind, cancellationToken);

    private ICatalogStore Use()
    {
        ObjectDisposedException.ThrowIf(Ended, this);
        if (!_used)
            firstUse();
        _used = true;
        return store;
    }

    public ValueTask DisposeAsync()
    {
        Ended = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// What a host with a request-scoped store gives the process-wide pipeline: every call goes to the store of the request
/// running now (the plugin would resolve it from the current HttpContext's RequestServices).
/// </summary>
public sealed class CurrentRequestCatalogStore(Func<ICatalogStore> current) : ICatalogStore
{
    public IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind, CancellationToken cancellationToken) =>
        current().ReadMappingsAsync(kind, cancellationToken);

    public Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken) =>
        current().ApplyAsync(batch, cancellationToken);

    public Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        current().FindTakenSlugsAsync(slugs, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken) => current().FindProductsBySkuAsync(skus, cancellationToken);

    public Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
        CancellationToken cancellationToken) => current().UnpublishNotSeenAsync(sessionId, kinds, cancellationToken);

    public Task<int?> CountSeenAsync(string sessionId, CatalogEntityKind kind, CancellationToken cancellationToken) =>
        current().CountSeenAsync(sessionId, kind, cancellationToken);
}
