using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Shipping;
using Nop.Core.Domain.Tax;
using Nop.Data;
using OneCExchange.Core.Catalog;
using static Nop.Plugin.Misc.OneCExchange.Services.Catalog.FieldChanges;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Writes what products refer to: categories, specification attributes and options, manufacturers, tax categories
/// and warehouses. New entities go in one bulk insert per type, changed ones in one list update.
/// </summary>
public class CatalogReferenceWriter
{
    #region Fields

    protected readonly IRepository<Category> _categories;
    protected readonly IRepository<Manufacturer> _manufacturers;
    protected readonly IRepository<SpecificationAttribute> _specificationAttributes;
    protected readonly IRepository<SpecificationAttributeOption> _specificationOptions;
    protected readonly IRepository<TaxCategory> _taxCategories;
    protected readonly IRepository<Warehouse> _warehouses;
    protected readonly IRepository<Address> _addresses;
    protected readonly SlugWriter _slugWriter;
    protected readonly CatalogSettings _catalogSettings;

    #endregion

    #region Ctor

    public CatalogReferenceWriter(
        IRepository<Category> categories,
        IRepository<Manufacturer> manufacturers,
        IRepository<SpecificationAttribute> specificationAttributes,
        IRepository<SpecificationAttributeOption> specificationOptions,
        IRepository<TaxCategory> taxCategories,
        IRepository<Warehouse> warehouses,
        IRepository<Address> addresses,
        SlugWriter slugWriter,
        CatalogSettings catalogSettings)
    {
        _categories = categories;
        _manufacturers = manufacturers;
        _specificationAttributes = specificationAttributes;
        _specificationOptions = specificationOptions;
        _taxCategories = taxCategories;
        _warehouses = warehouses;
        _addresses = addresses;
        _slugWriter = slugWriter;
        _catalogSettings = catalogSettings;
    }

    #endregion

    /// <summary>Groups → categories with the same tree (a move changes ParentCategoryId), published, with a slug.</summary>
    public virtual async Task ApplyCategoriesAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UpsertCategory>> commands)
    {
        var created = await UpsertAsync(context, _categories, commands,
            c => new Category
            {
                Name = c.Name, Description = c.Description, ParentCategoryId = c.ParentCategoryId,
                DisplayOrder = c.DisplayOrder, Published = c.Published,
                // The admin's defaults for a new category.
                PageSize = _catalogSettings.DefaultCategoryPageSize,
                PageSizeOptions = _catalogSettings.DefaultCategoryPageSizeOptions,
                AllowCustomersToSelectPageSize = true,
                CreatedOnUtc = context.NowUtc, UpdatedOnUtc = context.NowUtc
            },
            (c, e) =>
            {
                var changed = Set(e.Name, c.Name, v => e.Name = v)
                    | (c.Description is not null && Set(e.Description, c.Description, v => e.Description = v))
                    | Set(e.ParentCategoryId, c.ParentCategoryId, v => e.ParentCategoryId = v)
                    | Set(e.DisplayOrder, c.DisplayOrder, v => e.DisplayOrder = v)
                    | Set(e.Published, c.Published, v => e.Published = v);
                if (changed)
                    e.UpdatedOnUtc = context.NowUtc;
                return changed;
            });
        await _slugWriter.AddAsync(context, nameof(Category), created.Select(x => (x.Entity.Id, x.Command.Slug)));
    }

    /// <summary>Properties → specification attributes.</summary>
    public virtual Task ApplySpecificationAttributesAsync(CatalogBatchContext context,
        IReadOnlyList<Indexed<UpsertSpecificationAttribute>> commands) =>
        UpsertAsync(context, _specificationAttributes, commands,
            c => new SpecificationAttribute { Name = c.Name, DisplayOrder = c.DisplayOrder },
            (c, e) => Set(e.Name, c.Name, v => e.Name = v) | Set(e.DisplayOrder, c.DisplayOrder, v => e.DisplayOrder = v));

    /// <summary>Reference values (and the placeholder option that carries custom values) → options.</summary>
    public virtual Task ApplySpecificationOptionsAsync(CatalogBatchContext context,
        IReadOnlyList<Indexed<UpsertSpecificationOption>> commands) =>
        UpsertAsync(context, _specificationOptions, commands,
            c => new SpecificationAttributeOption
            {
                SpecificationAttributeId = c.SpecificationAttributeId, Name = c.Name, DisplayOrder = c.DisplayOrder
            },
            (c, e) => Set(e.SpecificationAttributeId, c.SpecificationAttributeId, v => e.SpecificationAttributeId = v)
                | Set(e.Name, c.Name, v => e.Name = v) | Set(e.DisplayOrder, c.DisplayOrder, v => e.DisplayOrder = v));

    public virtual async Task ApplyManufacturersAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UpsertManufacturer>> commands)
    {
        var created = await UpsertAsync(context, _manufacturers, commands,
            c => new Manufacturer
            {
                Name = c.Name, Published = c.Published,
                PageSize = _catalogSettings.DefaultManufacturerPageSize,
                PageSizeOptions = _catalogSettings.DefaultManufacturerPageSizeOptions,
                AllowCustomersToSelectPageSize = true,
                CreatedOnUtc = context.NowUtc, UpdatedOnUtc = context.NowUtc
            },
            (c, e) =>
            {
                var changed = Set(e.Name, c.Name, v => e.Name = v) | Set(e.Published, c.Published, v => e.Published = v);
                if (changed)
                    e.UpdatedOnUtc = context.NowUtc;
                return changed;
            });
        await _slugWriter.AddAsync(context, nameof(Manufacturer), created.Select(x => (x.Entity.Id, x.Command.Slug)));
    }

    /// <summary>A VAT rate → the store's tax category of that exact name, created when there is none.</summary>
    public virtual async Task ApplyTaxCategoriesAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UpsertTaxCategory>> commands)
    {
        var newNames = commands.Where(c => c.Command.EntityId is null).Select(c => c.Command.Name).ToList();
        var byName = newNames.Count == 0
            ? []
            : (await _taxCategories.WhereInAsync(t => t.Name, newNames))
                .GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(t => t.Id), StringComparer.Ordinal);
        var resolved = commands
            .Select(c => c.Command.EntityId is null && byName.TryGetValue(c.Command.Name, out var id)
                ? c with { Command = c.Command with { EntityId = id } }
                : c)
            .ToList();
        await UpsertAsync(context, _taxCategories, resolved,
            c => new TaxCategory { Name = c.Name },
            (c, e) => Set(e.Name, c.Name, v => e.Name = v));
    }

    /// <summary>1C warehouses seen for the first time → store warehouses, each with an address as the admin creates.</summary>
    public virtual async Task ApplyWarehousesAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UpsertWarehouse>> commands)
    {
        var addressIds = new Dictionary<int, int>();
        await UpsertAsync(context, _warehouses, commands,
            c => new Warehouse { Name = c.Name },
            (c, e) => Set(e.Name, c.Name, v => e.Name = v),
            (index, warehouse) => warehouse.AddressId = addressIds[index],
            async creates =>
            {
                var newAddresses = creates.Select(c => new Address { Address1 = c.Command.Address, CreatedOnUtc = context.NowUtc }).ToList();
                await context.InsertAsync(_addresses, newAddresses);
                for (var i = 0; i < creates.Count; i++)
                    addressIds[creates[i].Index] = newAddresses[i].Id;
            });
    }

    /// <summary>
    /// Creates the entities of commands without EntityId (one bulk insert) and updates the others (one read, one list
    /// update of those that changed). An entity deleted from the store since 1C last sent it is created again (the
    /// outcome says so and the mapping row points to the new one). Records every outcome and mapping write; returns
    /// what was created.
    /// </summary>
    protected virtual async Task<List<(TCommand Command, TEntity Entity)>> UpsertAsync<TCommand, TEntity>(
        CatalogBatchContext context, IRepository<TEntity> repository, IReadOnlyList<Indexed<TCommand>> commands,
        Func<TCommand, TEntity> create, Func<TCommand, TEntity, bool> update, Action<int, TEntity>? beforeInsert = null,
        Func<List<Indexed<TCommand>>, Task>? beforeCreate = null)
        where TCommand : CatalogCommand where TEntity : BaseEntity
    {
        var updates = commands.Where(c => c.Command.EntityId is not null).ToList();
        var existing = updates.Count == 0
            ? []
            : (await repository.ByIdsAsync(updates.Select(c => c.Command.EntityId!.Value))).ToDictionary(e => e.Id);
        var creates = commands.Where(c => c.Command.EntityId is not { } id || !existing.ContainsKey(id)).ToList();

        var created = new List<(TCommand, TEntity)>();
        if (creates.Count > 0)
        {
            if (beforeCreate is not null)
                await beforeCreate(creates);
            var entities = creates.Select(c =>
            {
                var entity = create(c.Command);
                beforeInsert?.Invoke(c.Index, entity);
                return entity;
            }).ToList();
            await context.InsertAsync(repository, entities);
            for (var i = 0; i < creates.Count; i++)
            {
                context.Done(creates[i].Index, creates[i].Command, entities[i].Id, created: true);
                created.Add((creates[i].Command, entities[i]));
            }
        }

        var changed = new Dictionary<int, TEntity>();
        var columns = new HashSet<string>();
        foreach (var (index, command) in updates)
        {
            if (!existing.TryGetValue(command.EntityId!.Value, out var entity))
                continue;
            var before = EntityValues.Copy(entity);
            if (update(command, entity))
            {
                changed[entity.Id] = entity;
                columns.UnionWith(EntityValues.ChangedProperties(before, entity));
            }
            context.Done(index, command, entity.Id, created: false);
        }
        await context.UpdateAsync(repository, changed.Values.ToList(), columns);
        return created;
    }
}
