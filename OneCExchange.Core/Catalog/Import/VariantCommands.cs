using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>What defines a variant: its characteristics, SKU, barcode and name, as a 2.04 Товар "product#id" or an
/// offer with a characteristic gives them.</summary>
internal sealed record VariantDefinition(string VariantKey, string ProductKey, bool Deleted,
    IReadOnlyList<Characteristic> Characteristics, string? Sku, string? Barcode, string? Name, Offer? Source);

/// <summary>A product's variants as commands: created, updated or unpublished, with their product's stock and price
/// rolled up again when one changes.</summary>
internal sealed class VariantCommands(ImportContext context)
{
    /// <summary>The attribute a variant without characteristics gets.</summary>
    private const string DefaultAttributeName = "Вариант";

    private HashSet<string>? _productsWithVariants;

    private ImportBatch Batch => context.Batch;

    /// <summary>Whether the product has variants (mapped or created in this session).</summary>
    public bool HasVariants(string productKey, Dictionary<string, MappedEntity> variants)
    {
        if (_productsWithVariants is null)
        {
            _productsWithVariants = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in variants.Keys)
                _productsWithVariants.Add(key[..Math.Max(0, key.IndexOf('#'))]);
        }
        return _productsWithVariants.Contains(productKey);
    }

    public void AddPart(PendingItem item, List<EntityKey> keys, Dictionary<string, MappedEntity> variants,
        VariantDefinition variant)
    {
        variants.TryGetValue(variant.VariantKey, out var entry);
        if (variant.Deleted)
        {
            AddUnpublishPart(item, keys, variant, entry);
            return;
        }
        var attributes = variant.Characteristics.Where(c => ImportContext.IsValue(c.Value.Trim()))
            .Select(c => new VariantAttribute(c.Name.Trim(), c.Value.Trim())).ToList();
        if (attributes.Count == 0)
            attributes.Add(new VariantAttribute(DefaultAttributeName,
                variant.Name ?? variant.VariantKey[(variant.VariantKey.IndexOf('#') + 1)..]));
        var sku = ImportContext.Blank(variant.Sku);
        var gtin = ImportContext.Blank(variant.Barcode);
        context.Hash.Add(sku).Add(gtin).Add(attributes.Count);
        foreach (var attribute in attributes)
            context.Hash.Add(attribute.Name).Add(attribute.Value);
        var hash = context.Hash.Finish();
        if (entry != null && entry.Hash == hash)
        {
            Batch.MarkUnchanged(CatalogEntityKind.Variant, variant.VariantKey);
            return;
        }
        if (!HasVariants(variant.ProductKey, variants))
            _productsWithVariants!.Add(variant.ProductKey);
        item.Parts.Add(new ImportPart(ImportStage.Variants, () =>
            context.EntityIdOf(CatalogEntityKind.Product, variant.ProductKey) is { } productId
                ? new UpsertVariant
                {
                    Key = variant.VariantKey, Hash = hash, EntityId = entry?.EntityId, ProductId = productId,
                    Attributes = attributes, Sku = sku, Gtin = gtin, Source = variant.Source,
                }
                : null, Primary: true));
        keys.Add(new(CatalogEntityKind.Variant, variant.VariantKey));
    }

    private void AddUnpublishPart(PendingItem item, List<EntityKey> keys, VariantDefinition variant, MappedEntity? entry)
    {
        if (entry == null || entry.Hash == ImportContext.DeletedHash)
        {
            if (entry != null)
                Batch.MarkUnchanged(CatalogEntityKind.Variant, variant.VariantKey);
            return;
        }
        item.Unpublishes = true;
        context.VariantPrices?.Note(variant.VariantKey, null);
        Batch.PriceRollUps.Add(variant.ProductKey);
        item.Parts.Add(new ImportPart(ImportStage.Variants, () => new UnpublishEntity
        {
            Key = variant.VariantKey, Hash = ImportContext.DeletedHash, EntityId = entry.EntityId,
            EntityKind = CatalogEntityKind.Variant,
        }, Primary: true));
        keys.Add(new(CatalogEntityKind.Variant, variant.VariantKey));
        // Its stock is now 0: the product's total follows.
        Batch.StockRollUps.Add(variant.ProductKey);
    }
}
