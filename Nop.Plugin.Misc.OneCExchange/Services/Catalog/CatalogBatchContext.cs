using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Data;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// The state of one batch while it is applied: outcomes, mapping writes, and the products and attribute combinations
/// several commands may change (loaded once, written once at the end).
/// </summary>
public sealed class CatalogBatchContext(int commandCount, DateTime nowUtc, bool publishEvents, SetBasedUpdater updater)
{
    private readonly Dictionary<(Type, int), object> _originals = [];
    private readonly Dictionary<int, Product> _products = [];
    private readonly HashSet<int> _changedProducts = [];
    private readonly HashSet<int> _offerColumnsOnly = [];
    private readonly Dictionary<int, ProductAttributeCombination> _combinations = [];
    private readonly HashSet<int> _changedCombinations = [];

    public DateTime NowUtc { get; } = nowUtc;

    /// <summary>Whether writes publish nopCommerce entity events (otherwise caches are cleared after the batch).</summary>
    public bool PublishEvents { get; } = publishEvents;

    public CommandOutcome[] Outcomes { get; } = new CommandOutcome[commandCount];

    public List<MappingWrite> MappingWrites { get; } = [];

    /// <summary>Entity types written in this batch, for cache clearing.</summary>
    public HashSet<Type> WrittenTypes { get; } = [];

    /// <summary>Records the outcome of the command at <paramref name="index"/> and its mapping row.</summary>
    public void Done(int index, CatalogCommand command, int entityId, bool created)
    {
        Outcomes[index] = new CommandOutcome(entityId, created);
        MappingWrites.Add(new MappingWrite(new EntityKey(command.Kind, command.Key), entityId, command.Hash, created, command.Unmapped));
    }

    public void Wrote<T>() where T : BaseEntity => WrittenTypes.Add(typeof(T));

    /// <summary>Inserts these rows and gives them their ids (see <see cref="SetBasedUpdater.InsertAsync{T}"/>).</summary>
    public async Task InsertAsync<T>(IRepository<T> repository, IList<T> rows) where T : BaseEntity
    {
        if (rows.Count == 0)
            return;
        await updater.InsertAsync(repository, rows, PublishEvents);
        Wrote<T>();
    }

    /// <summary>Deletes these rows (nopCommerce's list delete: one statement).</summary>
    public async Task DeleteAsync<T>(IRepository<T> repository, IList<T> rows) where T : BaseEntity
    {
        if (rows.Count == 0)
            return;
        await repository.DeleteAsync(rows, PublishEvents);
        Wrote<T>();
    }

    /// <summary>Writes the named properties of these rows in one statement (see <see cref="SetBasedUpdater"/>).</summary>
    public async Task UpdateAsync<T>(IRepository<T> repository, IList<T> rows, IReadOnlyCollection<string> properties) where T : BaseEntity
    {
        if (rows.Count == 0)
            return;
        await updater.UpdateAsync(repository, rows, properties, PublishEvents);
        Wrote<T>();
    }

    /// <summary>
    /// Whether products may be read with only their offer columns (<see cref="ProductOfferColumns"/>): only when the
    /// update writes just the changed columns and no entity event hands the partial product to other code.
    /// </summary>
    public bool CanReadOfferColumnsOnly => !PublishEvents && updater.Dialect != SqlDialect.Repository;

    /// <summary>Products not in the working set as whole rows (also those read with their offer columns only).</summary>
    public IEnumerable<int> MissingProducts(IEnumerable<int> ids) =>
        ids.Where(id => !_products.ContainsKey(id) || _offerColumnsOnly.Contains(id));

    /// <summary>Products not in the working set at all.</summary>
    public IEnumerable<int> MissingOfferColumns(IEnumerable<int> ids) => ids.Where(id => !_products.ContainsKey(id));

    /// <summary>
    /// Keeps a product read or inserted in this batch, with a copy of its values as read. A whole product replaces
    /// one read with its offer columns only, keeping the offer values this batch has set.
    /// </summary>
    public void Track(Product product)
    {
        if (_offerColumnsOnly.Remove(product.Id))
        {
            _originals[(typeof(Product), product.Id)] = EntityValues.Copy(product);
            ProductOfferColumns.Copy(_products[product.Id], product);
        }
        _products[product.Id] = product;
        _originals.TryAdd((typeof(Product), product.Id), EntityValues.Copy(product));
    }

    /// <summary>Keeps a product read with its offer columns only (<see cref="ProductOfferColumns.Projection"/>).</summary>
    public void TrackOfferColumns(Product product)
    {
        _products[product.Id] = product;
        _offerColumnsOnly.Add(product.Id);
        _originals.TryAdd((typeof(Product), product.Id), EntityValues.Copy(product));
    }

    public void Changed(Product product) => _changedProducts.Add(product.Id);

    /// <summary>A product of the working set; <paramref name="command"/> names the 1C item when it is missing.</summary>
    public Product Product(int id, CatalogCommand command) => _products.TryGetValue(id, out var product)
        ? product
        : throw new InvalidOperationException($"Product {id} used by 1C {command.Kind} {command.Key} does not exist in the store");

    /// <summary>
    /// Products whose values differ from what was read (several commands may change a field and change it back, e.g.
    /// a product 1C lists once per characteristic); UpdatedOnUtc alone does not count.
    /// </summary>
    public IList<Product> ChangedProducts() => _changedProducts.Select(id => _products[id])
        .Where(p => !EntityValues.Same(_originals[(typeof(Product), p.Id)], p, nameof(Nop.Core.Domain.Catalog.Product.UpdatedOnUtc))).ToList();

    /// <summary>The properties that differ from what was read in any of these tracked rows.</summary>
    public HashSet<string> ChangedProperties<T>(IEnumerable<T> rows) where T : BaseEntity =>
        rows.SelectMany(row => EntityValues.ChangedProperties(_originals[(typeof(T), row.Id)], row)).ToHashSet();

    public bool TryGetCombination(int id, out ProductAttributeCombination combination) =>
        _combinations.TryGetValue(id, out combination!);

    public IEnumerable<int> MissingCombinations(IEnumerable<int> ids) => ids.Where(id => !_combinations.ContainsKey(id));

    public void Track(ProductAttributeCombination combination)
    {
        _combinations[combination.Id] = combination;
        _originals.TryAdd((typeof(ProductAttributeCombination), combination.Id), EntityValues.Copy(combination));
    }

    public void Changed(ProductAttributeCombination combination) => _changedCombinations.Add(combination.Id);

    public ProductAttributeCombination Combination(int id, CatalogCommand command) => _combinations.TryGetValue(id, out var combination)
        ? combination
        : throw new InvalidOperationException($"Attribute combination {id} used by 1C {command.Kind} {command.Key} does not exist in the store");

    public IList<ProductAttributeCombination> ChangedCombinations() => _changedCombinations.Select(id => _combinations[id])
        .Where(c => !EntityValues.Same(_originals[(typeof(ProductAttributeCombination), c.Id)], c)).ToList();

    /// <summary>Combinations tracked in this batch (their in-batch state wins over what the database holds).</summary>
    public IEnumerable<ProductAttributeCombination> TrackedCombinations => _combinations.Values;
}

/// <summary>A command with its position in the batch.</summary>
public readonly record struct Indexed<T>(int Index, T Command) where T : CatalogCommand;
