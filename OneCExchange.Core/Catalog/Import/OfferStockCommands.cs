using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>
/// An offer's stock as a command: one quantity, or per store warehouse when the settings map or create warehouses
/// (quantities of 1C warehouses mapped to the same store warehouse add up). Quantities are whole and not negative.
/// </summary>
internal sealed class OfferStockCommands(ImportContext context, CatalogDependencies dependencies)
{
    private readonly bool _perWarehouse =
        context.Options.WarehouseMappings.Count > 0 || context.Options.CreateWarehouses;

    private sealed record WarehouseStockRef(Func<int?> Id, string Key, decimal Quantity);

    public async Task AddPartAsync(PendingItem item, List<EntityKey> keys, Dictionary<string, MappedEntity> stockMap,
        Offer offer, OfferTargetRef target, CancellationToken ct)
    {
        var perWarehouse = _perWarehouse && target.Target == OfferTarget.Product && offer.Stocks.Count > 0 && !offer.IsDeleted;
        var warehouses = perWarehouse ? await WarehousesAsync(offer, ct) : [];
        var total = offer.IsDeleted ? 0
            : perWarehouse ? warehouses.Sum(w => Math.Max(0, w.Quantity))
            : offer.Quantity ?? offer.Stocks.Sum(s => s.Quantity);

        context.Hash.Add((int)target.Target).Add(Quantity(total)).Add(perWarehouse);
        foreach (var warehouse in warehouses)
            context.Hash.Add(warehouse.Key).Add(Quantity(warehouse.Quantity));
        var hash = context.Hash.Finish();
        stockMap.TryGetValue(offer.Id, out var entry);
        if (entry != null && entry.Hash == hash)
        {
            context.Batch.MarkUnchanged(CatalogEntityKind.OfferStock, offer.Id);
            return;
        }
        item.Parts.Add(new ImportPart(ImportStage.Offers, () =>
        {
            if (target.Id() is not { } id)
                return null;
            var quantities = perWarehouse ? ByStoreWarehouse(warehouses) : null;
            return new SetOfferStock
            {
                Key = offer.Id, Hash = hash, EntityId = id, Target = target.Target, TargetId = id,
                Quantity = quantities?.Sum(q => q.Quantity) ?? Quantity(total), Warehouses = quantities, Source = offer,
            };
        }, Primary: false));
        keys.Add(new(CatalogEntityKind.OfferStock, offer.Id));
        if (target.Target == OfferTarget.Variant)
            context.Batch.StockRollUps.Add(target.ProductKey);
    }

    private async Task<List<WarehouseStockRef>> WarehousesAsync(Offer offer, CancellationToken ct)
    {
        var warehouses = new List<WarehouseStockRef>();
        foreach (var stock in offer.Stocks)
            if (await dependencies.WarehouseAsync(stock.WarehouseId, ct) is { } warehouse)
                warehouses.Add(new(warehouse.Id, warehouse.Key, stock.Quantity));
        return warehouses;
    }

    private static List<WarehouseQuantity> ByStoreWarehouse(List<WarehouseStockRef> warehouses) =>
        warehouses.Select(w => (Id: w.Id(), w.Quantity)).Where(w => w.Id != null)
            .GroupBy(w => w.Id!.Value)
            .Select(g => new WarehouseQuantity(g.Key, Quantity(g.Sum(w => w.Quantity)))).ToList();

    private static int Quantity(decimal quantity) =>
        quantity <= 0 ? 0 : quantity >= int.MaxValue ? int.MaxValue : (int)decimal.Floor(quantity);
}
