using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>
/// Sends the buffered items to the store in five stages, one store transaction each, because later commands need the
/// ids earlier ones create: dependencies (specification attributes, manufacturers, tax categories, warehouses),
/// options, categories and products, variants, then prices and stock (with the products' stock and price rolled up
/// from their variants). The keys of unchanged items go with the last stage so the store records that this session
/// saw them. Then each item is counted once: created, updated, unpublished or skipped.
/// </summary>
internal sealed class BatchFlusher(ImportContext context, FlushCost cost)
{
    private static readonly ImportStage[] Stages = Enum.GetValues<ImportStage>();

    private readonly BatchWriter _writer = new(context.Store, context.Session.SessionId, context.Counters);

    private ImportBatch Batch => context.Batch;

    /// <summary>What the flushes took: how long the next one is expected to take.</summary>
    public FlushCost Cost => cost;

    public async Task FlushAsync(CancellationToken ct)
    {
        if (Batch.IsEmpty)
            return;
        await cost.MeasureAsync(FlushCost.Weight(Batch), () => SendAsync(ct));
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await context.Slugs.ResolveAsync(ct);
        foreach (var stage in Stages)
        {
            var staged = Stage(stage);
            if (stage == ImportStage.Offers)
            {
                StageStockRollUps(staged);
                StageProductPricesFromVariants(staged);
            }
            await _writer.ApplyAsync(staged, stage == ImportStage.Offers ? Batch.Unchanged : [], ct);
        }
        CountItems();
        Batch.Clear();
        context.Slugs.Clear();
    }

    private List<StagedCommand> Stage(ImportStage stage)
    {
        var staged = new List<StagedCommand>();
        foreach (var pending in Batch.Items)
        {
            foreach (var part in pending.Parts)
            {
                if (part.Stage != stage || pending.Progress.Failed)
                    continue;
                if (part.Build() is not { } built)
                    continue;
                var command = context.Options.ColumnLimits.Fit(built, context.Warnings.Warn);
                if (context.Maps.IsUnmapped(command.Kind, command.Key))
                    command = command with { Unmapped = true };
                staged.Add(new StagedCommand(pending.Progress, command, outcome => Applied(pending, part, command, outcome)));
            }
        }
        return staged;
    }

    private void Applied(PendingItem pending, ImportPart part, CatalogCommand command, CommandOutcome outcome)
    {
        context.Maps.Record(command.Kind, command.Key, outcome.EntityId, command.Hash);
        pending.Progress.Changed = true;
        if (part.Primary && outcome.Created)
            pending.Progress.Created = true;
        part.OnApplied?.Invoke(outcome);
    }

    /// <summary>The stock of each product whose variants' stock changed: the sum of theirs.</summary>
    private void StageStockRollUps(List<StagedCommand> staged)
    {
        foreach (var productKey in Batch.StockRollUps)
        {
            if (context.EntityIdOf(CatalogEntityKind.Product, productKey) is not { } productId)
                continue;
            var progress = new ItemProgress(() => ExchangeMessage.Of(MessageKeys.LabelProductStock, productKey), counted: false);
            staged.Add(new StagedCommand(progress, new RollUpVariantStock { Key = productKey, ProductId = productId },
                _ => { }));
        }
    }

    /// <summary>
    /// The price of each product whose variants' prices changed: the lowest variant price (see <see cref="VariantPrices"/>),
    /// as the product's own offer price would be set.
    /// </summary>
    private void StageProductPricesFromVariants(List<StagedCommand> staged)
    {
        foreach (var productKey in Batch.PriceRollUps)
        {
            if (Batch.Contains(CatalogEntityKind.OfferPrices, productKey)
                || context.EntityIdOf(CatalogEntityKind.Product, productKey) is not { } productId
                || context.VariantPrices!.PriceToSet(productKey) is not { } price)
                continue;
            var progress = new ItemProgress(() => ExchangeMessage.Of(MessageKeys.LabelProductPrice, productKey), counted: false);
            var command = new SetOfferPrices
            {
                Key = productKey, Hash = VariantPrices.DerivedHash(price), EntityId = productId, Target = OfferTarget.Product,
                TargetId = productId, Price = price,
            };
            staged.Add(new StagedCommand(progress, command,
                outcome => context.Maps.Record(CatalogEntityKind.OfferPrices, productKey, outcome.EntityId, command.Hash)));
        }
    }

    private void CountItems()
    {
        var counters = context.Counters;
        foreach (var pending in Batch.Items)
        {
            var progress = pending.Progress;
            if (!progress.Counted || progress.Failed)
                continue;
            if (progress.Changed && pending.Unpublishes)
                counters.Unpublished++;
            else if (progress.Created)
                counters.Created++;
            else if (progress.Changed)
                counters.Updated++;
            else
                counters.Skipped++;
        }
    }
}
