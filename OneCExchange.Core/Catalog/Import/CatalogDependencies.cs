using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Settings;
using CmlProduct = OneCExchange.Core.CommerceMl.Product;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>A product's manufacturer: its mapping key, its name, and the property it came from (if any).</summary>
internal readonly record struct ManufacturerRef(string Key, string Name, string? PropertyId);

/// <summary>A product's property value as a specification option to create on the way (not yet resolved to an id).</summary>
internal sealed record SpecificationValue(string PropertyId, int DisplayOrder, string OptionKey, string? CustomValue);

/// <summary>
/// What products and offers need that 1C does not send as items of their own: manufacturers, tax categories,
/// specification attributes and options, warehouses. Each is queued in the dependencies stage the first time it is
/// needed and known by its mapping key from then on.
/// </summary>
internal sealed class CatalogDependencies(ImportContext context)
{
    private ImportBatch Batch => context.Batch;

    public async Task<ManufacturerRef?> ManufacturerAsync(CmlProduct product, CancellationToken ct)
    {
        var found = ManufacturerOf(product);
        if (found is { } f && !await Batch.KnownAsync(new(CatalogEntityKind.Manufacturer, f.Key), ct))
        {
            var slug = context.Slugs.Request(f.Name, "manufacturer");
            await Batch.EnsureDependencyAsync(new(CatalogEntityKind.Manufacturer, f.Key), (f.Key, f.Name, slug),
                static s => ExchangeMessage.Of(MessageKeys.LabelManufacturer, s.Name), ImportStage.Dependencies,
                static s => new UpsertManufacturer { Key = s.Key, Name = s.Name, Slug = s.slug.Result }, ct);
        }
        return found;
    }

    /// <summary>The manufacturer property the settings name wins over the catalog's Изготовитель.</summary>
    private ManufacturerRef? ManufacturerOf(CmlProduct product)
    {
        var propertyName = context.Options.ManufacturerPropertyName;
        if (!string.IsNullOrWhiteSpace(propertyName))
        {
            var value = product.PropertyValues.FirstOrDefault(v =>
                string.Equals(v.PropertyName, propertyName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(v.PropertyId, propertyName, StringComparison.OrdinalIgnoreCase));
            var text = value?.Values.Select(v => v.Text.Trim()).FirstOrDefault(ImportContext.IsValue);
            if (text != null)
                return new(MappingKeys.Fit("=" + text), text, value!.PropertyId);
        }
        if (product.Manufacturer is { } m && !string.IsNullOrWhiteSpace(m.Name))
            return new(MappingKeys.Fit(string.IsNullOrWhiteSpace(m.Id) ? "=" + m.Name.Trim() : m.Id), m.Name.Trim(), null);
        return null;
    }

    public async Task<(string Key, string Name)?> TaxAsync(CmlProduct product, CancellationToken ct)
    {
        var tax = TaxKeys.For(product.TaxRates);
        if (tax is { } taxKey)
            await Batch.EnsureDependencyAsync(new(CatalogEntityKind.TaxCategory, taxKey.Key), taxKey,
                static t => ExchangeMessage.Of(MessageKeys.LabelTaxRate, t.Name), ImportStage.Dependencies,
                static t => new UpsertTaxCategory { Key = t.Key, Name = t.Name }, ct);
        return tax;
    }

    /// <summary>The product's property values as options to create on the way (not yet resolved to ids).</summary>
    public async Task<List<SpecificationValue>> SpecificationsAsync(CmlProduct product, string? manufacturerPropertyId,
        CancellationToken ct)
    {
        var result = new List<SpecificationValue>();
        for (var index = 0; index < product.PropertyValues.Count; index++)
        {
            var value = product.PropertyValues[index];
            if (value.PropertyId == manufacturerPropertyId)
                continue;
            var propertyName = value.PropertyName ?? value.PropertyId;
            var propertyId = value.PropertyId;
            foreach (var item in value.Values)
            {
                var text = item.Text.Trim();
                if (!ImportContext.IsValue(text) && item.ReferenceValueId is null)
                    continue;
                await Batch.EnsureDependencyAsync(new(CatalogEntityKind.SpecificationAttribute, propertyId),
                    (propertyId, propertyName), static p => ExchangeMessage.Of(MessageKeys.LabelProperty, p.propertyId, p.propertyName),
                    ImportStage.Dependencies,
                    static p => new UpsertSpecificationAttribute { Key = p.propertyId, Name = p.propertyName }, ct);
                var (optionKey, optionName, custom) = Option(value, item, text);
                await Batch.EnsureDependencyAsync(new(CatalogEntityKind.SpecificationOption, optionKey),
                    (optionKey, optionName, propertyId), static o => ExchangeMessage.Of(MessageKeys.LabelPropertyValue, o.optionKey),
                    ImportStage.Options,
                    o => context.EntityIdOf(CatalogEntityKind.SpecificationAttribute, o.propertyId) is { } attributeId
                        ? new UpsertSpecificationOption { Key = o.optionKey, SpecificationAttributeId = attributeId, Name = o.optionName }
                        : null, ct);
                result.Add(new SpecificationValue(propertyId, index, optionKey, custom));
            }
        }
        return result;
    }

    private static (string Key, string Name, string? Custom) Option(PropertyValue value, PropertyValueItem item, string text)
    {
        if (item.ReferenceValueId is { } valueId && ImportContext.IsValue(valueId))
            return (MappingKeys.SpecificationOption(value.PropertyId, valueId), ImportContext.IsValue(text) ? text : valueId, null);
        if (value.ValueType == PropertyValueType.Reference)
            return (MappingKeys.SpecificationOption(value.PropertyId, "=" + text), text, null);
        // nopCommerce keeps custom text on an option too: one placeholder option per attribute.
        return (MappingKeys.SpecificationOption(value.PropertyId, "*"), value.PropertyName ?? value.PropertyId, text);
    }

    /// <summary>At flush time: the product's specifications by option id (a value whose option is missing is warned).</summary>
    public List<ProductSpecification> Resolve(CmlProduct product, List<SpecificationValue> values)
    {
        var result = new List<ProductSpecification>(values.Count);
        foreach (var value in values)
        {
            if (context.EntityIdOf(CatalogEntityKind.SpecificationOption, value.OptionKey) is { } optionId)
                result.Add(new ProductSpecification(optionId, value.CustomValue, value.CustomValue is null, value.DisplayOrder));
            else
                context.Warnings.Warn(ExchangeMessage.Of(MessageKeys.PropertyValueMissing, product.Id, value.OptionKey));
        }
        return result;
    }

    /// <summary>The store warehouse the settings map a 1C warehouse (by id or name) to, if any.</summary>
    public int? ConfiguredWarehouse(string warehouseId)
    {
        var mappings = context.Options.WarehouseMappings;
        var name = context.Session.TryGetWarehouse(warehouseId, out var known) ? known.Name : null;
        return (mappings.FirstOrDefault(m => string.Equals(m.Source, warehouseId, StringComparison.OrdinalIgnoreCase))
                ?? (name is null ? null : mappings.FirstOrDefault(m =>
                    string.Equals(m.Source, name, StringComparison.OrdinalIgnoreCase))))?.WarehouseId;
    }

    /// <summary>The store warehouse of a 1C warehouse (resolved at flush time), or null when it is not mapped.</summary>
    public async Task<(Func<int?> Id, string Key)?> WarehouseAsync(string warehouseId, CancellationToken ct)
    {
        if (ConfiguredWarehouse(warehouseId) is { } configured)
            return configured == WarehouseMapping.Ignored ? null : (() => configured, "#" + configured);
        if (context.Options.CreateWarehouses)
        {
            await EnsureWarehouseAsync(warehouseId, ct);
            return (() => context.EntityIdOf(CatalogEntityKind.Warehouse, warehouseId), warehouseId);
        }
        context.Warnings.Warn(ExchangeMessage.Of(MessageKeys.WarehouseNotMapped, warehouseId));
        return null;
    }

    public async Task EnsureWarehouseAsync(string warehouseId, CancellationToken ct)
    {
        var known = context.Session.TryGetWarehouse(warehouseId, out var warehouse) ? warehouse : null;
        await Batch.EnsureDependencyAsync(new(CatalogEntityKind.Warehouse, warehouseId), (warehouseId, known),
            static w => ExchangeMessage.Of(MessageKeys.LabelWarehouse, w.warehouseId), ImportStage.Dependencies,
            static w => new UpsertWarehouse { Key = w.warehouseId, Name = w.known?.Name ?? w.warehouseId, Address = w.known?.Address },
            ct);
    }
}
