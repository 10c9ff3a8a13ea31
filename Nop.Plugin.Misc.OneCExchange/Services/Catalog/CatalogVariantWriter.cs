using Nop.Core.Domain.Catalog;
using Nop.Data;
using Nop.Services.Catalog;
using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Characteristics → product attributes (by name), their values, and the attribute combination of each variant with
/// its own SKU; the product then manages stock by attributes. Each level is one read and one bulk insert per batch.
/// </summary>
public class CatalogVariantWriter
{
    #region Fields

    protected readonly IRepository<ProductAttribute> _productAttributes;
    protected readonly IRepository<ProductAttributeMapping> _attributeMappings;
    protected readonly IRepository<ProductAttributeValue> _attributeValues;
    protected readonly IRepository<ProductAttributeCombination> _combinations;
    protected readonly IProductAttributeParser _attributeParser;
    protected readonly CatalogProductWriter _productWriter;

    #endregion

    #region Ctor

    public CatalogVariantWriter(
        IRepository<ProductAttribute> productAttributes,
        IRepository<ProductAttributeMapping> attributeMappings,
        IRepository<ProductAttributeValue> attributeValues,
        IRepository<ProductAttributeCombination> combinations,
        IProductAttributeParser attributeParser,
        CatalogProductWriter productWriter)
    {
        _productAttributes = productAttributes;
        _attributeMappings = attributeMappings;
        _attributeValues = attributeValues;
        _combinations = combinations;
        _attributeParser = attributeParser;
        _productWriter = productWriter;
    }

    #endregion

    public virtual async Task ApplyAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UpsertVariant>> commands)
    {
        var productIds = commands.Select(c => c.Command.ProductId).Distinct().ToList();
        await _productWriter.LoadProductsAsync(context, productIds);
        var attributeIds = await EnsureAttributesAsync(context, commands);
        var mappings = await EnsureMappingsAsync(context, commands, attributeIds);
        var values = await EnsureValuesAsync(context, commands, attributeIds, mappings);

        var creates = new List<(Indexed<UpsertVariant> Item, ProductAttributeCombination Combination)>();
        await LoadCombinationsAsync(context, commands.Select(c => c.Command.EntityId).OfType<int>());
        foreach (var item in commands)
        {
            var command = item.Command;
            var product = context.Product(command.ProductId, command);
            var xml = string.Empty;
            foreach (var attribute in command.Attributes)
            {
                var mapping = mappings[(command.ProductId, attributeIds[attribute.Name])];
                xml = _attributeParser.AddProductAttribute(xml, mapping, values[(mapping.Id, attribute.Value)].ToString());
            }

            // A combination deleted in the store since 1C last sent it is created again.
            var combination = command.EntityId is { } id && context.TryGetCombination(id, out var stored)
                ? stored
                : new ProductAttributeCombination { ProductId = command.ProductId };
            var changed = Fill(combination, command, xml);
            if (combination.Id == 0)
                creates.Add((item, combination));
            else
            {
                if (changed)
                    context.Changed(combination);
                context.Done(item.Index, command, combination.Id, created: false);
            }

            if (product.ManageInventoryMethodId != (int)ManageInventoryMethod.ManageStockByAttributes)
            {
                product.ManageInventoryMethodId = (int)ManageInventoryMethod.ManageStockByAttributes;
                product.UpdatedOnUtc = context.NowUtc;
                context.Changed(product);
            }
        }

        if (creates.Count == 0)
            return;
        await context.InsertAsync(_combinations, creates.Select(c => c.Combination).ToList());
        foreach (var (item, combination) in creates)
        {
            context.Track(combination);
            context.Done(item.Index, item.Command, combination.Id, created: true);
        }
    }

    /// <summary>Sets the combination's values; true when anything changed.</summary>
    protected virtual bool Fill(ProductAttributeCombination combination, UpsertVariant command, string attributesXml)
    {
        var before = (combination.AttributesXml, combination.Sku, combination.Gtin, combination.StockQuantity,
            combination.AllowOutOfStockOrders);
        combination.AttributesXml = attributesXml;
        if (command.Sku is not null)
            combination.Sku = command.Sku;
        if (command.Gtin is not null)
            combination.Gtin = command.Gtin;
        if (!command.Available)
        {
            combination.StockQuantity = 0;
            combination.AllowOutOfStockOrders = false;
        }
        return before != (combination.AttributesXml, combination.Sku, combination.Gtin, combination.StockQuantity,
            combination.AllowOutOfStockOrders);
    }

    public virtual async Task LoadCombinationsAsync(CatalogBatchContext context, IEnumerable<int> ids)
    {
        var missing = context.MissingCombinations(ids).ToList();
        if (missing.Count == 0)
            return;
        foreach (var combination in await _combinations.ByIdsAsync(missing))
            context.Track(combination);
    }

    /// <summary>Product attributes by name (shared by all products), created when missing.</summary>
    protected virtual async Task<Dictionary<string, int>> EnsureAttributesAsync(CatalogBatchContext context,
        IReadOnlyList<Indexed<UpsertVariant>> commands)
    {
        var names = commands.SelectMany(c => c.Command.Attributes).Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var attribute in (await _productAttributes.WhereInAsync(a => a.Name, names)).OrderBy(a => a.Id))
            ids.TryAdd(attribute.Name, attribute.Id);
        var missing = names.Where(n => !ids.ContainsKey(n)).Select(n => new ProductAttribute { Name = n }).ToList();
        if (missing.Count > 0)
        {
            await context.InsertAsync(_productAttributes, missing);
            foreach (var attribute in missing)
                ids[attribute.Name] = attribute.Id;
        }
        return ids;
    }

    /// <summary>The product ↔ attribute mappings (a required drop-down), created when missing.</summary>
    protected virtual async Task<Dictionary<(int ProductId, int AttributeId), ProductAttributeMapping>> EnsureMappingsAsync(
        CatalogBatchContext context, IReadOnlyList<Indexed<UpsertVariant>> commands, Dictionary<string, int> attributeIds)
    {
        var byKey = new Dictionary<(int, int), ProductAttributeMapping>();
        var productIds = commands.Select(c => c.Command.ProductId).Distinct().ToList();
        foreach (var mapping in (await _attributeMappings.WhereInAsync(m => m.ProductId, productIds)).OrderBy(m => m.Id))
            byKey.TryAdd((mapping.ProductId, mapping.ProductAttributeId), mapping);
        var missing = new List<ProductAttributeMapping>();
        foreach (var command in commands.Select(c => c.Command))
            foreach (var (attribute, order) in command.Attributes.Select((a, i) => (a, i)))
            {
                var key = (command.ProductId, attributeIds[attribute.Name]);
                if (byKey.ContainsKey(key))
                    continue;
                var mapping = new ProductAttributeMapping
                {
                    ProductId = key.Item1, ProductAttributeId = key.Item2, IsRequired = true, DisplayOrder = order,
                    AttributeControlTypeId = (int)AttributeControlType.DropdownList
                };
                byKey[key] = mapping;
                missing.Add(mapping);
            }
        await context.InsertAsync(_attributeMappings, missing);
        return byKey;
    }

    /// <summary>Attribute values by (mapping, name), created when missing; returns their ids.</summary>
    protected virtual async Task<Dictionary<(int MappingId, string Name), int>> EnsureValuesAsync(CatalogBatchContext context,
        IReadOnlyList<Indexed<UpsertVariant>> commands, Dictionary<string, int> attributeIds,
        Dictionary<(int ProductId, int AttributeId), ProductAttributeMapping> mappings)
    {
        var ids = new Dictionary<(int, string), int>();
        var mappingIds = mappings.Values.Select(m => m.Id).ToList();
        var existing = await _attributeValues.WhereInAsync(v => v.ProductAttributeMappingId, mappingIds);
        var nextOrder = existing.GroupBy(v => v.ProductAttributeMappingId).ToDictionary(g => g.Key, g => g.Max(v => v.DisplayOrder) + 1);
        foreach (var value in existing.OrderBy(v => v.Id))
            ids.TryAdd((value.ProductAttributeMappingId, value.Name), value.Id);
        var missing = new Dictionary<(int, string), ProductAttributeValue>();
        foreach (var command in commands.Select(c => c.Command))
            foreach (var attribute in command.Attributes)
            {
                var mappingId = mappings[(command.ProductId, attributeIds[attribute.Name])].Id;
                var key = (mappingId, attribute.Value);
                if (ids.ContainsKey(key) || missing.ContainsKey(key))
                    continue;
                var order = nextOrder.GetValueOrDefault(mappingId);
                nextOrder[mappingId] = order + 1;
                missing[key] = new ProductAttributeValue
                {
                    ProductAttributeMappingId = mappingId, Name = attribute.Value, DisplayOrder = order,
                    AttributeValueTypeId = (int)AttributeValueType.Simple
                };
            }
        if (missing.Count > 0)
        {
            await context.InsertAsync(_attributeValues, missing.Values.ToList());
            foreach (var (key, value) in missing)
                ids[key] = value.Id;
        }
        return ids;
    }
}
