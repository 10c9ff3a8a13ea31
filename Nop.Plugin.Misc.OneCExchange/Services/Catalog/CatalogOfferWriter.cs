using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Data;
using OneCExchange.Core.Catalog;
using static Nop.Plugin.Misc.OneCExchange.Services.Catalog.FieldChanges;
using NopTierPrice = Nop.Core.Domain.Catalog.TierPrice;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Offers: prices (product price, old price, cost, tier prices per customer role; combination price override), stock
/// (total, per warehouse, per combination) and the roll-up of combination stock to the product.
/// </summary>
public class CatalogOfferWriter
{
    #region Fields

    protected readonly IRepository<NopTierPrice> _tierPrices;
    protected readonly IRepository<CustomerRole> _customerRoles;
    protected readonly IRepository<ProductWarehouseInventory> _warehouseInventory;
    protected readonly IRepository<ProductAttributeCombination> _combinations;
    protected readonly CatalogProductWriter _productWriter;
    protected readonly CatalogVariantWriter _variantWriter;

    #endregion

    #region Ctor

    public CatalogOfferWriter(
        IRepository<NopTierPrice> tierPrices,
        IRepository<CustomerRole> customerRoles,
        IRepository<ProductWarehouseInventory> warehouseInventory,
        IRepository<ProductAttributeCombination> combinations,
        CatalogProductWriter productWriter,
        CatalogVariantWriter variantWriter)
    {
        _tierPrices = tierPrices;
        _customerRoles = customerRoles;
        _warehouseInventory = warehouseInventory;
        _combinations = combinations;
        _productWriter = productWriter;
        _variantWriter = variantWriter;
    }

    #endregion

    public virtual async Task ApplyPricesAsync(CatalogBatchContext context, IReadOnlyList<Indexed<SetOfferPrices>> commands)
    {
        await LoadTargetsAsync(context, commands.Select(c => (c.Command.Target, c.Command.TargetId)));
        var forProducts = commands.Where(c => c.Command.Target == OfferTarget.Product).ToList();
        foreach (var (index, command) in commands)
        {
            if (command.Target == OfferTarget.Variant)
            {
                var combination = context.Combination(command.TargetId, command);
                if (command.Price is { } price && combination.OverriddenPrice != price)
                {
                    combination.OverriddenPrice = price;
                    context.Changed(combination);
                }
            }
            else
            {
                var p = context.Product(command.TargetId, command);
                if (SetIfGiven(p.Price, command.Price, v => p.Price = v)
                    | SetIfGiven(p.OldPrice, command.OldPrice, v => p.OldPrice = v)
                    | SetIfGiven(p.ProductCost, command.ProductCost, v => p.ProductCost = v))
                {
                    p.UpdatedOnUtc = context.NowUtc;
                    context.Changed(p);
                }
            }
            context.Done(index, command, command.TargetId, created: false);
        }
        await WriteTierPricesAsync(context, forProducts.Select(c => c.Command).ToList());
    }

    /// <summary>
    /// Tier prices of the managed roles become exactly the given ones (quantity 1, all stores, no dates); tier prices
    /// of other roles, quantities or stores stay as a shop owner set them.
    /// </summary>
    protected virtual async Task WriteTierPricesAsync(CatalogBatchContext context, List<SetOfferPrices> commands)
    {
        var relevant = commands.Where(c => c.ManagedTierRoles.Count > 0 || c.TierPrices.Count > 0).ToList();
        if (relevant.Count == 0)
            return;
        var roleIds = await RoleIdsAsync(relevant.SelectMany(c => c.ManagedTierRoles.Concat(c.TierPrices.Select(t => t.CustomerRoleSystemName))));
        var existing = (await _tierPrices.WhereInAsync(t => t.ProductId, relevant.Select(c => c.TargetId))).ToLookup(t => t.ProductId);
        var inserts = new List<NopTierPrice>();
        var updates = new List<NopTierPrice>();
        var deletes = new List<NopTierPrice>();
        foreach (var command in relevant)
        {
            var managed = command.ManagedTierRoles.Concat(command.TierPrices.Select(t => t.CustomerRoleSystemName))
                .Select(r => roleIds[r]).ToHashSet();
            var wanted = command.TierPrices.GroupBy(t => roleIds[t.CustomerRoleSystemName]).ToDictionary(g => g.Key, g => g.Last().Price);
            var current = existing[command.TargetId]
                .Where(t => t.CustomerRoleId is { } role && managed.Contains(role) && t.Quantity == 1 && t.StoreId == 0
                    && t.StartDateTimeUtc is null && t.EndDateTimeUtc is null)
                .ToList();
            foreach (var tier in current)
            {
                if (!wanted.Remove(tier.CustomerRoleId!.Value, out var price))
                    deletes.Add(tier);
                else if (tier.Price != price)
                {
                    tier.Price = price;
                    updates.Add(tier);
                }
            }
            inserts.AddRange(wanted.Select(w => new NopTierPrice
            {
                ProductId = command.TargetId, CustomerRoleId = w.Key, Quantity = 1, StoreId = 0, Price = w.Value
            }));
        }
        await _tierPrices.WriteChangesAsync(context, inserts, deletes, updates, [nameof(NopTierPrice.Price)]);
    }

    /// <summary>Customer role ids by system name; an unknown role is a settings error named in the message.</summary>
    protected virtual async Task<Dictionary<string, int>> RoleIdsAsync(IEnumerable<string> systemNames)
    {
        var names = systemNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var roles = await _customerRoles.WhereInAsync(r => r.SystemName, names);
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in roles.OrderBy(r => r.Id))
            ids.TryAdd(role.SystemName, role.Id);
        var unknown = names.Where(n => !ids.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"Price type mapping: no customer role with system name {string.Join(", ", unknown.Select(n => $"\"{n}\""))}");
        return ids;
    }

    public virtual async Task ApplyStockAsync(CatalogBatchContext context, IReadOnlyList<Indexed<SetOfferStock>> commands)
    {
        await LoadTargetsAsync(context, commands.Select(c => (c.Command.Target, c.Command.TargetId)));
        foreach (var (index, command) in commands)
        {
            if (command.Target == OfferTarget.Variant)
            {
                var combination = context.Combination(command.TargetId, command);
                if (combination.StockQuantity != command.Quantity)
                {
                    combination.StockQuantity = command.Quantity;
                    context.Changed(combination);
                }
            }
            else
            {
                var p = context.Product(command.TargetId, command);
                if (Set(p.StockQuantity, command.Quantity, v => p.StockQuantity = v)
                    | Set(p.UseMultipleWarehouses, command.Warehouses is not null, v => p.UseMultipleWarehouses = v))
                {
                    p.UpdatedOnUtc = context.NowUtc;
                    context.Changed(p);
                }
            }
            context.Done(index, command, command.TargetId, created: false);
        }
        await WriteWarehouseStockAsync(context, commands.Select(c => c.Command)
            .Where(c => c.Target == OfferTarget.Product && c.Warehouses is not null).ToList());
    }

    /// <summary>Per-warehouse quantities become exactly the given ones (other warehouses of the product get 0).
    /// Reserved quantities (orders not shipped yet) are never touched.</summary>
    protected virtual async Task WriteWarehouseStockAsync(CatalogBatchContext context, List<SetOfferStock> commands)
    {
        if (commands.Count == 0)
            return;
        var existing = (await _warehouseInventory.WhereInAsync(w => w.ProductId, commands.Select(c => c.TargetId)))
            .ToLookup(w => w.ProductId);
        var inserts = new List<ProductWarehouseInventory>();
        var updates = new Dictionary<int, ProductWarehouseInventory>();
        foreach (var command in commands)
        {
            var wanted = command.Warehouses!.GroupBy(w => w.WarehouseId).ToDictionary(g => g.Key, g => g.Sum(w => w.Quantity));
            foreach (var row in existing[command.TargetId])
            {
                var quantity = wanted.Remove(row.WarehouseId, out var q) ? q : 0;
                if (row.StockQuantity != quantity)
                {
                    row.StockQuantity = quantity;
                    updates[row.Id] = row;
                }
            }
            inserts.AddRange(wanted.Select(w => new ProductWarehouseInventory
            {
                ProductId = command.TargetId, WarehouseId = w.Key, StockQuantity = w.Value
            }));
        }
        await _warehouseInventory.WriteChangesAsync(context, inserts, [], updates.Values.ToList(),
            [nameof(ProductWarehouseInventory.StockQuantity)]);
    }

    /// <summary>The product's stock quantity becomes the sum of its combinations' stock (as changed in this batch).</summary>
    public virtual async Task ApplyRollUpsAsync(CatalogBatchContext context, IReadOnlyList<Indexed<RollUpVariantStock>> commands)
    {
        var productIds = commands.Select(c => c.Command.ProductId).Distinct().ToList();
        await _productWriter.LoadOfferColumnsAsync(context, productIds);
        var stored = await _combinations.WhereInAsync(c => c.ProductId, productIds);
        var current = stored.ToDictionary(c => c.Id);
        var rolledUp = productIds.ToHashSet();
        foreach (var tracked in context.TrackedCombinations.Where(c => rolledUp.Contains(c.ProductId)))
            current[tracked.Id] = tracked;
        var totals = current.Values.GroupBy(c => c.ProductId).ToDictionary(g => g.Key, g => g.Sum(c => c.StockQuantity));
        foreach (var (index, command) in commands)
        {
            var p = context.Product(command.ProductId, command);
            if (Set(p.StockQuantity, totals.GetValueOrDefault(command.ProductId), v => p.StockQuantity = v))
            {
                p.UpdatedOnUtc = context.NowUtc;
                context.Changed(p);
            }
            // A roll-up writes no mapping row (the port's exception to the convention).
            context.Outcomes[index] = new CommandOutcome(command.ProductId, Created: false);
        }
    }

    /// <summary>Writes the combinations changed by the batch's commands (their changed columns, one statement).</summary>
    public virtual async Task SaveChangedCombinationsAsync(CatalogBatchContext context)
    {
        var changed = context.ChangedCombinations();
        if (changed.Count == 0)
            return;
        await context.UpdateAsync(_combinations, changed, context.ChangedProperties(changed));
    }

    protected virtual async Task LoadTargetsAsync(CatalogBatchContext context, IEnumerable<(OfferTarget Target, int Id)> targets)
    {
        var list = targets.ToList();
        await _productWriter.LoadOfferColumnsAsync(context, list.Where(t => t.Target == OfferTarget.Product).Select(t => t.Id));
        await _variantWriter.LoadCombinationsAsync(context, list.Where(t => t.Target == OfferTarget.Variant).Select(t => t.Id));
    }
}
