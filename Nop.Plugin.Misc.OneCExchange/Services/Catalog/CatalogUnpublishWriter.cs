using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Data;
using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Unpublishes what 1C deleted or no longer sends: categories, products and manufacturers are hidden (never deleted);
/// a deleted variant gets no stock and no backorders.
/// </summary>
public class CatalogUnpublishWriter
{
    #region Fields

    protected readonly IRepository<Category> _categories;
    protected readonly IRepository<Manufacturer> _manufacturers;
    protected readonly CatalogProductWriter _productWriter;
    protected readonly CatalogVariantWriter _variantWriter;

    #endregion

    #region Ctor

    public CatalogUnpublishWriter(
        IRepository<Category> categories,
        IRepository<Manufacturer> manufacturers,
        CatalogProductWriter productWriter,
        CatalogVariantWriter variantWriter)
    {
        _categories = categories;
        _manufacturers = manufacturers;
        _productWriter = productWriter;
        _variantWriter = variantWriter;
    }

    #endregion

    public virtual async Task ApplyAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UnpublishEntity>> commands)
    {
        foreach (var (_, command) in commands.Where(c => c.Command.EntityId is null))
            throw new InvalidOperationException($"Cannot unpublish 1C {command.EntityKind} {command.Key}: it is not in the store");
        var unsupported = commands.FirstOrDefault(c => c.Command.EntityKind is not (CatalogEntityKind.Product
            or CatalogEntityKind.Variant or CatalogEntityKind.Category or CatalogEntityKind.Manufacturer));
        if (unsupported.Command is not null)
            throw new NotSupportedException($"1C {unsupported.Command.EntityKind} {unsupported.Command.Key} cannot be unpublished");
        var byKind = commands.ToLookup(c => c.Command.EntityKind);

        var products = byKind[CatalogEntityKind.Product].ToList();
        await _productWriter.LoadProductsAsync(context, products.Select(c => c.Command.EntityId!.Value));
        foreach (var (index, command) in products)
        {
            var product = context.Product(command.EntityId!.Value, command);
            if (product.Published)
            {
                product.Published = false;
                product.UpdatedOnUtc = context.NowUtc;
                context.Changed(product);
            }
            context.Done(index, command, product.Id, created: false);
        }

        var variants = byKind[CatalogEntityKind.Variant].ToList();
        await _variantWriter.LoadCombinationsAsync(context, variants.Select(c => c.Command.EntityId!.Value));
        foreach (var (index, command) in variants)
        {
            var combination = context.Combination(command.EntityId!.Value, command);
            if (combination.StockQuantity != 0 || combination.AllowOutOfStockOrders)
            {
                combination.StockQuantity = 0;
                combination.AllowOutOfStockOrders = false;
                context.Changed(combination);
            }
            context.Done(index, command, combination.Id, created: false);
        }

        await UnpublishAsync(context, _categories, byKind[CatalogEntityKind.Category].ToList(),
            c => c.Published, c => { c.Published = false; c.UpdatedOnUtc = context.NowUtc; });
        await UnpublishAsync(context, _manufacturers, byKind[CatalogEntityKind.Manufacturer].ToList(),
            m => m.Published, m => { m.Published = false; m.UpdatedOnUtc = context.NowUtc; });
    }

    /// <summary>What unpublishing a category or manufacturer writes.</summary>
    protected static readonly string[] PublishedColumns = ["Published", "UpdatedOnUtc"];

    protected virtual async Task UnpublishAsync<T>(CatalogBatchContext context, IRepository<T> repository,
        List<Indexed<UnpublishEntity>> commands, Func<T, bool> isPublished, Action<T> unpublish) where T : BaseEntity
    {
        if (commands.Count == 0)
            return;
        var entities = (await repository.ByIdsAsync(commands.Select(c => c.Command.EntityId!.Value))).ToDictionary(e => e.Id);
        var changed = new List<T>();
        foreach (var (index, command) in commands)
        {
            if (!entities.TryGetValue(command.EntityId!.Value, out var entity))
                throw new InvalidOperationException(
                    $"{typeof(T).Name} {command.EntityId} mapped to 1C {command.EntityKind} {command.Key} does not exist in the store");
            if (isPublished(entity))
            {
                unpublish(entity);
                changed.Add(entity);
            }
            context.Done(index, command, entity.Id, created: false);
        }
        if (changed.Count == 0)
            return;
        await context.UpdateAsync(repository, changed, PublishedColumns);
    }
}
