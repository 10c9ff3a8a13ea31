using Nop.Core.Domain.Catalog;
using Nop.Data;
using OneCExchange.Core.Catalog;
using static Nop.Plugin.Misc.OneCExchange.Services.Catalog.FieldChanges;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Writes products from the catalog: their fields, slug, categories, manufacturer and specifications, with bulk inserts
/// for new rows and one read per related table for the whole batch.
/// </summary>
public class CatalogProductWriter
{
    #region Fields

    protected readonly IRepository<Product> _products;
    protected readonly IRepository<ProductCategory> _productCategories;
    protected readonly IRepository<ProductManufacturer> _productManufacturers;
    protected readonly IRepository<ProductSpecificationAttribute> _productSpecifications;
    protected readonly OneCMappingTable _mappingTable;
    protected readonly SlugWriter _slugWriter;

    #endregion

    #region Ctor

    public CatalogProductWriter(
        IRepository<Product> products,
        IRepository<ProductCategory> productCategories,
        IRepository<ProductManufacturer> productManufacturers,
        IRepository<ProductSpecificationAttribute> productSpecifications,
        OneCMappingTable mappingTable,
        SlugWriter slugWriter)
    {
        _products = products;
        _productCategories = productCategories;
        _productManufacturers = productManufacturers;
        _productSpecifications = productSpecifications;
        _mappingTable = mappingTable;
        _slugWriter = slugWriter;
    }

    #endregion

    /// <summary>The admin's defaults for a new product, used when a create command carries none.</summary>
    public static readonly NewProductDefaults AdminDefaults = new(OrderMinimumQuantity: 1, OrderMaximumQuantity: 10000,
        VisibleIndividually: true, ManageInventory: true, DisplayStockAvailability: true);

    public virtual async Task ApplyAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UpsertProduct>> commands)
    {
        var createdIds = await CreateAsync(context, commands.Where(c => c.Command.EntityId is null).ToList());
        await UpdateAsync(context, commands.Where(c => c.Command.EntityId is not null).ToList());

        var targets = commands.Select(c => (ProductId: context.Outcomes[c.Index].EntityId, c.Command)).ToList();
        await WriteCategoriesAsync(context, targets, createdIds);
        await WriteManufacturersAsync(context, targets, createdIds);
        await WriteSpecificationsAsync(context, targets, createdIds);
    }

    protected virtual async Task<HashSet<int>> CreateAsync(CatalogBatchContext context, List<Indexed<UpsertProduct>> creates)
    {
        if (creates.Count == 0)
            return [];
        var entities = creates.Select(c => NewProduct(context, c.Command)).ToList();
        await context.InsertAsync(_products, entities);
        for (var i = 0; i < creates.Count; i++)
        {
            context.Track(entities[i]);
            context.Done(creates[i].Index, creates[i].Command, entities[i].Id, created: true);
        }
        await _slugWriter.AddAsync(context, nameof(Product), creates.Select((c, i) => (entities[i].Id, c.Command.Slug)));
        return entities.Select(e => e.Id).ToHashSet();
    }

    /// <summary>A new simple product with the defaults that make it sellable.</summary>
    protected virtual Product NewProduct(CatalogBatchContext context, UpsertProduct command)
    {
        if (string.IsNullOrWhiteSpace(command.Name))
            throw new InvalidOperationException($"Product {command.Key} has no name");
        var defaults = command.Defaults ?? AdminDefaults;
        return new Product
        {
            ProductTypeId = (int)ProductType.SimpleProduct,
            VisibleIndividually = defaults.VisibleIndividually,
            Name = command.Name,
            Sku = command.Sku,
            Gtin = command.Gtin,
            ShortDescription = command.ShortDescription,
            FullDescription = command.FullDescription,
            Weight = command.Weight ?? 0,
            TaxCategoryId = command.TaxCategoryId ?? 0,
            ManageInventoryMethodId = (int)(defaults.ManageInventory ? ManageInventoryMethod.ManageStock : ManageInventoryMethod.DontManageStock),
            DisplayStockAvailability = defaults.DisplayStockAvailability,
            NotifyAdminForQuantityBelow = 1,
            OrderMinimumQuantity = defaults.OrderMinimumQuantity,
            OrderMaximumQuantity = defaults.OrderMaximumQuantity,
            IsShipEnabled = true,
            AllowCustomerReviews = true,
            Published = command.Published ?? true,
            CreatedOnUtc = context.NowUtc,
            UpdatedOnUtc = context.NowUtc
        };
    }

    protected virtual async Task UpdateAsync(CatalogBatchContext context, List<Indexed<UpsertProduct>> updates)
    {
        if (updates.Count == 0)
            return;
        await LoadProductsAsync(context, updates.Select(c => c.Command.EntityId!.Value));
        foreach (var (index, command) in updates)
        {
            var product = context.Product(command.EntityId!.Value, command);
            if (Apply(command, product))
            {
                product.UpdatedOnUtc = context.NowUtc;
                context.Changed(product);
            }
            context.Done(index, command, product.Id, created: false);
        }
    }

    /// <summary>Copies the fields the command gives (null = leave); true when anything changed.</summary>
    protected virtual bool Apply(UpsertProduct c, Product p) =>
        SetIfGiven(p.Name, c.Name, v => p.Name = v)
        | SetIfGiven(p.Sku, c.Sku, v => p.Sku = v)
        | SetIfGiven(p.Gtin, c.Gtin, v => p.Gtin = v)
        | SetIfGiven(p.ShortDescription, c.ShortDescription, v => p.ShortDescription = v)
        | SetIfGiven(p.FullDescription, c.FullDescription, v => p.FullDescription = v)
        | SetIfGiven(p.Weight, c.Weight, v => p.Weight = v)
        | SetIfGiven(p.TaxCategoryId, c.TaxCategoryId, v => p.TaxCategoryId = v)
        | SetIfGiven(p.Published, c.Published, v => p.Published = v);

    /// <summary>Loads the products a batch changes into its working set (one query per chunk).</summary>
    public virtual async Task LoadProductsAsync(CatalogBatchContext context, IEnumerable<int> ids)
    {
        var missing = context.MissingProducts(ids).ToList();
        if (missing.Count == 0)
            return;
        foreach (var product in await _products.ByIdsAsync(missing))
            context.Track(product);
    }

    /// <summary>
    /// Loads the products offers change into the working set: their offer columns only where the context allows it
    /// (see <see cref="CatalogBatchContext.CanReadOfferColumnsOnly"/>), whole products otherwise.
    /// </summary>
    public virtual async Task LoadOfferColumnsAsync(CatalogBatchContext context, IEnumerable<int> ids)
    {
        if (!context.CanReadOfferColumnsOnly)
        {
            await LoadProductsAsync(context, ids);
            return;
        }
        foreach (var chunk in Chunks.Of(context.MissingOfferColumns(ids)))
        {
            foreach (var product in await _products.GetAllAsync(query =>
                         query.Where(p => chunk.Contains(p.Id)).Select(ProductOfferColumns.Projection)))
                context.TrackOfferColumns(product);
        }
    }

    /// <summary>Writes the products changed by the batch's commands (their changed columns, one statement).</summary>
    public virtual async Task SaveChangedProductsAsync(CatalogBatchContext context)
    {
        var changed = context.ChangedProducts();
        if (changed.Count == 0)
            return;
        await context.UpdateAsync(_products, changed, context.ChangedProperties(changed));
    }

    /// <summary>The categories given become the product's complete set.</summary>
    protected virtual async Task WriteCategoriesAsync(CatalogBatchContext context,
        List<(int ProductId, UpsertProduct Command)> targets, HashSet<int> createdIds)
    {
        var given = targets.Where(t => t.Command.CategoryIds is not null).ToList();
        if (given.Count == 0)
            return;
        var existing = await ExistingAsync(_productCategories, pc => pc.ProductId, given.Select(t => t.ProductId), createdIds);
        var inserts = new List<ProductCategory>();
        var deletes = new List<ProductCategory>();
        foreach (var (productId, command) in given)
        {
            var wanted = command.CategoryIds!.Distinct().ToList();
            var current = existing[productId];
            deletes.AddRange(current.Where(pc => !wanted.Contains(pc.CategoryId)));
            inserts.AddRange(wanted.Where(id => current.All(pc => pc.CategoryId != id))
                .Select(id => new ProductCategory { ProductId = productId, CategoryId = id, DisplayOrder = 0 }));
        }
        await _productCategories.WriteChangesAsync(context, inserts, deletes);
    }

    /// <summary>
    /// The manufacturer given replaces the manufacturers 1C set before (those in the mapping table); manufacturers a
    /// shop owner added by hand stay.
    /// </summary>
    protected virtual async Task WriteManufacturersAsync(CatalogBatchContext context,
        List<(int ProductId, UpsertProduct Command)> targets, HashSet<int> createdIds)
    {
        var given = targets.Where(t => t.Command.ManufacturerId is not null).ToList();
        if (given.Count == 0)
            return;
        var existing = await ExistingAsync(_productManufacturers, pm => pm.ProductId, given.Select(t => t.ProductId), createdIds);
        var fromOneC = await _mappingTable.FindMappedEntityIdsAsync(CatalogEntityKind.Manufacturer,
            existing.SelectMany(e => e.Value).Select(pm => pm.ManufacturerId));
        var inserts = new List<ProductManufacturer>();
        var deletes = new List<ProductManufacturer>();
        foreach (var (productId, command) in given)
        {
            var wanted = command.ManufacturerId!.Value;
            var current = existing[productId];
            deletes.AddRange(current.Where(pm => pm.ManufacturerId != wanted && fromOneC.Contains(pm.ManufacturerId)));
            if (current.All(pm => pm.ManufacturerId != wanted))
                inserts.Add(new ProductManufacturer { ProductId = productId, ManufacturerId = wanted });
        }
        await _productManufacturers.WriteChangesAsync(context, inserts, deletes);
    }

    /// <summary>
    /// The specifications given become the product's complete list. Option values are filterable; custom values (free
    /// text, numbers) are CustomText on the attribute's placeholder option, as nopCommerce needs an option for every row.
    /// </summary>
    protected virtual async Task WriteSpecificationsAsync(CatalogBatchContext context,
        List<(int ProductId, UpsertProduct Command)> targets, HashSet<int> createdIds)
    {
        var given = targets.Where(t => t.Command.Specifications is not null).ToList();
        if (given.Count == 0)
            return;
        var existing = await ExistingAsync(_productSpecifications, ps => ps.ProductId, given.Select(t => t.ProductId), createdIds);
        var inserts = new List<ProductSpecificationAttribute>();
        var updates = new List<ProductSpecificationAttribute>();
        var deletes = new List<ProductSpecificationAttribute>();
        foreach (var (productId, command) in given)
        {
            var unmatched = existing[productId].ToList();
            foreach (var spec in command.Specifications!)
            {
                var row = unmatched.FirstOrDefault(ps => ps.SpecificationAttributeOptionId == spec.OptionId
                    && (ps.CustomValue ?? "") == (spec.CustomValue ?? ""));
                if (row is null)
                {
                    inserts.Add(Fill(new ProductSpecificationAttribute { ProductId = productId }, spec));
                    continue;
                }
                unmatched.Remove(row);
                var before = (row.AttributeTypeId, row.AllowFiltering, row.ShowOnProductPage, row.DisplayOrder);
                Fill(row, spec);
                if (before != (row.AttributeTypeId, row.AllowFiltering, row.ShowOnProductPage, row.DisplayOrder))
                    updates.Add(row);
            }
            deletes.AddRange(unmatched);
        }
        await _productSpecifications.WriteChangesAsync(context, inserts, deletes, updates, SpecificationColumns);
    }

    private static readonly string[] SpecificationColumns =
    [
        nameof(ProductSpecificationAttribute.AttributeTypeId), nameof(ProductSpecificationAttribute.AllowFiltering),
        nameof(ProductSpecificationAttribute.ShowOnProductPage), nameof(ProductSpecificationAttribute.DisplayOrder)
    ];

    private static ProductSpecificationAttribute Fill(ProductSpecificationAttribute row, ProductSpecification spec)
    {
        row.SpecificationAttributeOptionId = spec.OptionId;
        row.CustomValue = spec.CustomValue;
        row.AttributeTypeId = (int)(spec.CustomValue is null ? SpecificationAttributeType.Option : SpecificationAttributeType.CustomText);
        row.AllowFiltering = spec.AllowFiltering && spec.CustomValue is null;
        row.ShowOnProductPage = true;
        row.DisplayOrder = spec.DisplayOrder;
        return row;
    }

    /// <summary>Rows of the products, grouped by product; products created in this batch have none (no query).</summary>
    private static async Task<Dictionary<int, List<T>>> ExistingAsync<T>(IRepository<T> repository,
        System.Linq.Expressions.Expression<Func<T, int>> productId, IEnumerable<int> productIds, HashSet<int> createdIds)
        where T : Nop.Core.BaseEntity
    {
        var ids = productIds.Distinct().ToList();
        var toRead = ids.Where(id => !createdIds.Contains(id)).ToList();
        var rows = toRead.Count == 0 ? [] : await repository.WhereInAsync(productId, toRead);
        var byProduct = ids.ToDictionary(id => id, _ => new List<T>());
        var getProductId = productId.Compile();
        foreach (var row in rows)
            byProduct[getProductId(row)].Add(row);
        return byProduct;
    }
}
