using OneCExchange.Core.Catalog.Import;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using CmlProduct = OneCExchange.Core.CommerceMl.Product;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The catalog sync pipeline for one file: takes the reader's records in document order, decides for each item
/// whether it is new, changed or unchanged (content hash against the mapping table), builds the host-neutral commands
/// and sends them to the store in batches. Every mapping decision is made here; the store only writes.
/// </summary>
/// <remarks>
/// The work is split by job (in <c>Catalog/Import/</c>): <see cref="ClassifierCommands"/> (groups, properties),
/// <see cref="ProductCommands"/>, <see cref="VariantCommands"/>, <see cref="OfferCommands"/> (prices) and
/// <see cref="OfferStockCommands"/> build the commands; <see cref="CatalogDependencies"/> queues what they need
/// (manufacturers, tax categories, specifications, warehouses); <see cref="ProductPictures"/> stages pictures;
/// <see cref="ImportBatch"/> buffers the items and <see cref="BatchFlusher"/> sends them in stages and counts them;
/// <see cref="SlugAllocator"/> gives slugs and adopts products by SKU; <see cref="ImportWarnings"/> reports each
/// warning once.
/// </remarks>
public sealed class CatalogImporter
{
    private readonly ImportContext _context;
    private readonly BatchFlusher _flusher;
    private readonly ClassifierCommands _classifier;
    private readonly CatalogDependencies _dependencies;
    private readonly ProductCommands _products;
    private readonly OfferCommands _offers;

    public CatalogImporter(ICatalogStore store, CatalogImportOptions options, CatalogSessionState session,
        string sessionFolder, ImportCounters counters, TimeProvider? clock = null)
    {
        _context = new ImportContext(store, options, session, counters);
        _flusher = new BatchFlusher(_context, new FlushCost(options.BatchSize, clock ?? TimeProvider.System));
        _classifier = new ClassifierCommands(_context, _flusher);
        _dependencies = new CatalogDependencies(_context);
        var variants = new VariantCommands(_context);
        _products = new ProductCommands(_context, _flusher, _dependencies, variants,
            new ProductPictures(sessionFolder, _context.Warnings));
        _offers = new OfferCommands(_context, _flusher, variants, new OfferStockCommands(_context, _dependencies));
    }

    private ImportBatch Batch => _context.Batch;

    /// <summary>
    /// The number of the last item (as passed to <see cref="AddAsync"/>/<see cref="Observe"/>) up to which everything is
    /// committed in the store: the durable checkpoint.
    /// </summary>
    public long CommittedItems => Batch.IsEmpty ? Batch.LastQueued : Batch.Committed;

    /// <summary>
    /// Notes what a record defines for the rest of the file and session (price types, warehouses, headers, the order
    /// of groups) without writing anything. Used for items skipped on resume; <see cref="AddAsync"/> calls it too.
    /// </summary>
    public void Observe(CommerceMlRecord record, long itemNumber)
    {
        ObserveRecord(record);
        Batch.LastQueued = itemNumber;
    }

    private void ObserveRecord(CommerceMlRecord record)
    {
        switch (record)
        {
            case PriceType priceType:
                _context.Session.Classifier.Add(priceType);
                break;
            case Warehouse warehouse:
                _context.Session.Classifier.Add(warehouse);
                break;
            case Group group:
                _classifier.Observe(group);
                break;
        }
    }

    /// <summary>Takes the record numbered <paramref name="itemNumber"/> (1-based in its file); sends a batch when
    /// enough items are buffered.</summary>
    public async Task AddAsync(CommerceMlRecord record, long itemNumber, CancellationToken ct)
    {
        ObserveRecord(record);
        switch (record)
        {
            case Group group:
                await _classifier.AddGroupAsync(group, ct);
                break;
            case PropertyDefinition property:
                await _classifier.AddPropertyAsync(property, ct);
                break;
            case Warehouse warehouse when _context.Options.CreateWarehouses
                                          && _dependencies.ConfiguredWarehouse(warehouse.Id) is null:
                await _dependencies.EnsureWarehouseAsync(warehouse.Id, ct);
                break;
            case CmlProduct product:
                await _products.AddAsync(product, ct);
                break;
            case Offer offer:
                await _offers.AddAsync(offer, ct);
                break;
        }
        Batch.LastQueued = itemNumber;
        // Unchanged items cost the store only a "seen" mark: many of them fit in one batch, but not unboundedly many.
        if (Batch.CountedItems >= _context.Options.BatchSize || Batch.Unchanged.Count >= _context.Options.BatchSize * 10)
            await FlushAsync(ct);
    }

    /// <summary>
    /// Whether taking one more item could keep the step past <paramref name="deadline"/>: the flush of the buffered
    /// items and that one, at the time per item measured so far, would end after it.
    /// </summary>
    public bool NextItemWouldOverrun(DateTimeOffset deadline) =>
        _flusher.Cost.WouldEndAfter(deadline, FlushCost.Weight(Batch) + 1);

    /// <summary>Sends every buffered item to the store (five stages, one transaction each).</summary>
    public Task FlushAsync(CancellationToken ct) => _flusher.FlushAsync(ct);

    /// <summary>Sends what is buffered and reports what the file as a whole gave (offers without a product).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        _offers.Complete();
    }
}
