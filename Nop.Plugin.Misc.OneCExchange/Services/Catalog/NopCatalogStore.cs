using System.Runtime.CompilerServices;
using System.Transactions;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using Nop.Core.Events;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Events;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// The catalog store port written with nopCommerce 4.90's repositories and services. A batch is applied in one
/// transaction, kind by kind in dependency order (references, categories, products and their pictures, variants,
/// prices, stock, roll-ups, unpublish; list order within a kind), with one read per table and bulk inserts for new rows.
/// </summary>
public class NopCatalogStore : ICatalogStore
{
    #region Fields

    protected readonly OneCMappingTable _mappingTable;
    protected readonly CatalogReferenceWriter _referenceWriter;
    protected readonly CatalogProductWriter _productWriter;
    protected readonly CatalogPictureWriter _pictureWriter;
    protected readonly CatalogVariantWriter _variantWriter;
    protected readonly CatalogOfferWriter _offerWriter;
    protected readonly CatalogUnpublishWriter _unpublishWriter;
    protected readonly CatalogCacheCleaner _cacheCleaner;
    protected readonly IEventPublisher _eventPublisher;
    protected readonly IRepository<UrlRecord> _urlRecords;
    protected readonly IRepository<Product> _products;
    protected readonly IRepository<Category> _categories;
    protected readonly SeoSettings _seoSettings;
    protected readonly OneCExchangeSettings _settings;
    protected readonly SetBasedUpdater _updater;

    #endregion

    #region Ctor

    public NopCatalogStore(
        OneCMappingTable mappingTable,
        CatalogReferenceWriter referenceWriter,
        CatalogProductWriter productWriter,
        CatalogPictureWriter pictureWriter,
        CatalogVariantWriter variantWriter,
        CatalogOfferWriter offerWriter,
        CatalogUnpublishWriter unpublishWriter,
        CatalogCacheCleaner cacheCleaner,
        IEventPublisher eventPublisher,
        IRepository<UrlRecord> urlRecords,
        IRepository<Product> products,
        IRepository<Category> categories,
        SeoSettings seoSettings,
        OneCExchangeSettings settings,
        SetBasedUpdater updater)
    {
        _mappingTable = mappingTable;
        _referenceWriter = referenceWriter;
        _productWriter = productWriter;
        _pictureWriter = pictureWriter;
        _variantWriter = variantWriter;
        _offerWriter = offerWriter;
        _unpublishWriter = unpublishWriter;
        _cacheCleaner = cacheCleaner;
        _eventPublisher = eventPublisher;
        _urlRecords = urlRecords;
        _products = products;
        _categories = categories;
        _seoSettings = seoSettings;
        _settings = settings;
        _updater = updater;
    }

    #endregion

    public virtual async IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _mappingTable.ReadAllAsync(kind, cancellationToken))
            yield return new EntityMapping(row.OneCId, row.EntityId, row.ContentHash);
    }

    public virtual async Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken)
    {
        var commands = await RaiseApplyingEventsAsync(batch);
        var context = new CatalogBatchContext(commands.Count, DateTime.UtcNow, _settings.PublishEntityEvents, _updater);
        using (var transaction = BeginTransaction())
        {
            await ApplyCommandsAsync(context, commands, cancellationToken);
            await _productWriter.SaveChangedProductsAsync(context);
            await _offerWriter.SaveChangedCombinationsAsync(context);
            await _mappingTable.WriteAsync(context.MappingWrites, batch.Unchanged, batch.SessionId, context.NowUtc);
            transaction.Complete();
        }
        if (!context.PublishEvents)
            await _cacheCleaner.ClearAsync(context.WrittenTypes);

        var result = new CatalogBatchResult(context.Outcomes);
        await _eventPublisher.PublishAsync(new OneCCatalogBatchAppliedEvent(batch with { Commands = commands }, result));
        return result;
    }

    /// <summary>
    /// One transaction for the whole batch. Read committed (not TransactionScope's serializable default) so the
    /// storefront is not blocked by range locks; nopCommerce's repositories join it with their own scopes.
    /// </summary>
    protected virtual TransactionScope BeginTransaction() => new(TransactionScopeOption.Required,
        new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted, Timeout = TransactionManager.MaximumTimeout },
        TransactionScopeAsyncFlowOption.Enabled);

    /// <summary>Lets extensions enrich or veto each command before anything is written.</summary>
    protected virtual async Task<IReadOnlyList<CatalogCommand>> RaiseApplyingEventsAsync(CatalogBatch batch)
    {
        var commands = new List<CatalogCommand>(batch.Commands.Count);
        var vetoes = new List<string>();
        foreach (var command in batch.Commands)
        {
            var applying = new OneCCatalogCommandApplyingEvent(batch.SessionId, command);
            await _eventPublisher.PublishAsync(applying);
            if (applying.VetoReason is not null)
                vetoes.Add($"{command.Kind} {command.Key}: {applying.VetoReason}");
            else if (applying.Command.GetType() != command.GetType() || applying.Command.Kind != command.Kind
                     || applying.Command.Key != command.Key)
                throw new InvalidOperationException($"An extension replaced the command of 1C {command.Kind} {command.Key} by {applying.Command.GetType().Name} {applying.Command.Kind} {applying.Command.Key}: only its values may change");
            commands.Add(applying.Command);
        }
        if (vetoes.Count > 0)
            throw new CatalogCommandVetoedException(string.Join("; ", vetoes));
        return commands;
    }

    protected virtual async Task ApplyCommandsAsync(CatalogBatchContext context, IReadOnlyList<CatalogCommand> commands,
        CancellationToken cancellationToken)
    {
        var unknown = commands.FirstOrDefault(c => c is not (UpsertTaxCategory or UpsertWarehouse or UpsertManufacturer
            or UpsertSpecificationAttribute or UpsertSpecificationOption or UpsertCategory or UpsertProduct or UpsertVariant
            or SetOfferPrices or SetOfferStock or RollUpVariantStock or UnpublishEntity));
        if (unknown is not null)
            throw new NotSupportedException($"The catalog store does not know the command {unknown.GetType().Name} ({unknown.Kind} {unknown.Key})");

        await Run<UpsertTaxCategory>(context, commands, _referenceWriter.ApplyTaxCategoriesAsync);
        await Run<UpsertWarehouse>(context, commands, _referenceWriter.ApplyWarehousesAsync);
        await Run<UpsertManufacturer>(context, commands, _referenceWriter.ApplyManufacturersAsync);
        await Run<UpsertSpecificationAttribute>(context, commands, _referenceWriter.ApplySpecificationAttributesAsync);
        await Run<UpsertSpecificationOption>(context, commands, _referenceWriter.ApplySpecificationOptionsAsync);
        await Run<UpsertCategory>(context, commands, _referenceWriter.ApplyCategoriesAsync);
        await Run<UpsertProduct>(context, commands, async (ctx, items) =>
        {
            await _productWriter.ApplyAsync(ctx, items);
            await _pictureWriter.ApplyAsync(ctx, items, cancellationToken);
        });
        await Run<UpsertVariant>(context, commands, _variantWriter.ApplyAsync);
        await Run<SetOfferPrices>(context, commands, _offerWriter.ApplyPricesAsync);
        await Run<SetOfferStock>(context, commands, _offerWriter.ApplyStockAsync);
        await Run<RollUpVariantStock>(context, commands, _offerWriter.ApplyRollUpsAsync);
        await Run<UnpublishEntity>(context, commands, _unpublishWriter.ApplyAsync);
    }

    private static async Task Run<T>(CatalogBatchContext context, IReadOnlyList<CatalogCommand> commands,
        Func<CatalogBatchContext, IReadOnlyList<Indexed<T>>, Task> apply) where T : CatalogCommand
    {
        var items = commands.Select((c, i) => (c, i)).Where(x => x.c is T).Select(x => new Indexed<T>(x.i, (T)x.c)).ToList();
        if (items.Count > 0)
            await apply(context, items);
    }

    public virtual async Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs,
        CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(_seoSettings.ReservedUrlRecordSlugs ?? [], StringComparer.OrdinalIgnoreCase);
        // nopCommerce stores slugs lower-cased (GetSeNameAsync), so an exact IN on the lower-cased text uses the index.
        var used = await _urlRecords.WhereInAsync(u => u.Slug, slugs.Select(s => s.ToLowerInvariant()));
        taken.UnionWith(used.Select(u => u.Slug));
        return slugs.Where(taken.Contains).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public virtual async Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken)
    {
        var found = await _products.WhereInAsync(p => p.Sku, skus);
        return found.Where(p => !p.Deleted)
            .GroupBy(p => p.Sku, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
    }

    public virtual async Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
        CancellationToken cancellationToken)
    {
        var unpublished = 0;
        if (kinds.Contains(CatalogEntityKind.Category))
            unpublished += await UnpublishNotSeenAsync(sessionId, CatalogEntityKind.Category, _categories,
                c => c.Published && !c.Deleted, c => c.Published = false, (c, now) => c.UpdatedOnUtc = now, cancellationToken);
        if (kinds.Contains(CatalogEntityKind.Product))
            unpublished += await UnpublishNotSeenAsync(sessionId, CatalogEntityKind.Product, _products,
                p => p.Published && !p.Deleted, p => p.Published = false, (p, now) => p.UpdatedOnUtc = now, cancellationToken);
        return unpublished;
    }

    public virtual async Task<int?> CountSeenAsync(string sessionId, CatalogEntityKind kind, CancellationToken cancellationToken) =>
        await _mappingTable.CountSeenAsync(kind, sessionId);

    /// <summary>
    /// The hash of every row whose entity is unpublished is cleared, so that a later exchange carrying the item writes
    /// (and republishes) it. Without entity events, on PostgreSQL and MySQL, two set-based statements in one
    /// transaction; otherwise page by page (see <see cref="UnpublishPagesAsync{T}"/>). Then the caches are cleared
    /// (or the entity events published) and <see cref="OneCCatalogNotSeenUnpublishedEvent"/> tells extensions.
    /// </summary>
    protected virtual async Task<int> UnpublishNotSeenAsync<T>(string sessionId, CatalogEntityKind kind, IRepository<T> repository,
        Func<T, bool> isPublished, Action<T> unpublish, Action<T, DateTime> touch, CancellationToken cancellationToken)
        where T : BaseEntity
    {
        var now = DateTime.UtcNow;
        int? count = null;
        if (!_settings.PublishEntityEvents)
        {
            using var transaction = BeginTransaction();
            count = await _updater.TryUnpublishNotSeenAsync<T>(CatalogMappingTypes.IdOf(kind), sessionId, now);
            transaction.Complete();
        }
        count ??= await UnpublishPagesAsync(sessionId, kind, repository, isPublished, unpublish, touch, now, cancellationToken);
        if (count > 0 && !_settings.PublishEntityEvents)
            await _cacheCleaner.ClearAsync([typeof(T)]);
        await _eventPublisher.PublishAsync(new OneCCatalogNotSeenUnpublishedEvent(sessionId, kind, count.Value, now));
        return count.Value;
    }

    /// <summary>
    /// Page by page, each page in its own transaction (idempotent: a rerun finds the rest): the rows are read and
    /// updated, with nopCommerce's entity events when they are on.
    /// </summary>
    protected virtual async Task<int> UnpublishPagesAsync<T>(string sessionId, CatalogEntityKind kind, IRepository<T> repository,
        Func<T, bool> isPublished, Action<T> unpublish, Action<T, DateTime> touch, DateTime now, CancellationToken cancellationToken)
        where T : BaseEntity
    {
        var count = 0;
        var page = new List<OneCMapping>(OneCMappingTable.PageSize);
        await foreach (var row in _mappingTable.ReadNotSeenAsync(kind, sessionId, cancellationToken))
        {
            page.Add(row);
            if (page.Count < OneCMappingTable.PageSize)
                continue;
            count += await UnpublishPageAsync(repository, page, isPublished, unpublish, touch, now);
            page.Clear();
        }
        if (page.Count > 0)
            count += await UnpublishPageAsync(repository, page, isPublished, unpublish, touch, now);
        return count;
    }

    protected virtual async Task<int> UnpublishPageAsync<T>(IRepository<T> repository, List<OneCMapping> rows, Func<T, bool> isPublished,
        Action<T> unpublish, Action<T, DateTime> touch, DateTime now) where T : BaseEntity
    {
        List<T> changed;
        using (var transaction = BeginTransaction())
        {
            changed = (await repository.ByIdsAsync(rows.Select(r => r.EntityId))).Where(isPublished).ToList();
            foreach (var entity in changed)
            {
                unpublish(entity);
                touch(entity, now);
            }
            if (changed.Count > 0)
            {
                await _updater.UpdateAsync(repository, changed, ["Published", "UpdatedOnUtc"], _settings.PublishEntityEvents);
                var unpublishedIds = changed.Select(e => e.Id).ToHashSet();
                await _mappingTable.ClearHashesAsync(rows.Where(r => unpublishedIds.Contains(r.EntityId)).ToList(), now);
            }
            transaction.Complete();
        }
        return changed.Count;
    }
}
