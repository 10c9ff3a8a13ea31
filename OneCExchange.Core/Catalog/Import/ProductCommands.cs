using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Messages;
using CmlProduct = OneCExchange.Core.CommerceMl.Product;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>
/// The catalog's products as commands: created (or adopted by SKU), updated as the settings allow, or unpublished when
/// 1C deletes them, with their categories, manufacturer, tax category, specifications and pictures.
/// </summary>
internal sealed class ProductCommands(ImportContext context, BatchFlusher flusher, CatalogDependencies dependencies,
    VariantCommands variants, ProductPictures pictures)
{
    private readonly string _optionsFingerprint = context.Hash.Add(context.Options.UpdateProductNames)
        .Add(context.Options.UpdateProductDescriptions).Add(context.Options.UpdateProductCategories)
        .Add(context.Options.UpdateProductPictures).Add(context.Options.PublishNewProducts)
        .Add(context.Options.ManufacturerPropertyName).Finish();

    private ImportBatch Batch => context.Batch;
    private CatalogImportOptions Options => context.Options;

    public async Task AddAsync(CmlProduct product, CancellationToken ct)
    {
        var hashIndex = product.Id.IndexOf('#');
        var productKey = hashIndex > 0 ? product.Id[..hashIndex] : product.Id;
        var variantKey = hashIndex > 0 ? product.Id : null;
        // Categories are written in the same stage as products: a product waits for its pending groups.
        if (Batch.Contains(CatalogEntityKind.Product, productKey)
            || (variantKey != null && Batch.Contains(CatalogEntityKind.Variant, variantKey))
            || product.GroupIds.Any(g => Batch.Contains(CatalogEntityKind.Category, g)))
            await flusher.FlushAsync(ct);

        var products = await context.MapAsync(CatalogEntityKind.Product, ct);
        context.Session.MarkSeen(CatalogEntityKind.Product);
        products.TryGetValue(productKey, out var entry);
        var item = PendingItem.Of(() => ExchangeMessage.Of(MessageKeys.LabelProduct, product.Id, product.Name), product.Location);
        var keys = new List<EntityKey>();

        if (variantKey != null)
        {
            // A 2.04 catalog lists each characteristic as its own Товар "product#characteristic".
            variants.AddPart(item, keys, await context.MapAsync(CatalogEntityKind.Variant, ct), new VariantDefinition(
                variantKey, productKey, product.IsDeleted, product.Characteristics, product.Sku, product.Barcode,
                product.Name, null));
            if (product.IsDeleted)
            {
                Batch.Finish(item, keys);
                return;
            }
        }
        if (product.IsDeleted)
            AddUnpublishPart(item, keys, productKey, entry);
        else
            await AddUpsertPartAsync(item, keys, product, productKey, entry, ct);
    }

    private void AddUnpublishPart(PendingItem item, List<EntityKey> keys, string productKey, MappedEntity? entry)
    {
        if (entry == null || entry.Hash == ImportContext.DeletedHash)
        {
            if (entry != null)
                Batch.MarkUnchanged(CatalogEntityKind.Product, productKey);
            context.Counters.Skipped++;
            return;
        }
        item.Unpublishes = true;
        item.Parts.Add(new ImportPart(ImportStage.Main, () => new UnpublishEntity
        {
            Key = productKey, Hash = ImportContext.DeletedHash, EntityId = entry.EntityId, EntityKind = CatalogEntityKind.Product,
        }, Primary: true));
        keys.Add(new(CatalogEntityKind.Product, productKey));
        Batch.Finish(item, keys);
    }

    private async Task AddUpsertPartAsync(PendingItem item, List<EntityKey> keys, CmlProduct product, string productKey,
        MappedEntity? entry, CancellationToken ct)
    {
        var applyPictures = entry == null || Options.UpdateProductPictures;
        var images = applyPictures ? pictures.Stage(product) : null;
        var hash = ProductHash(product, images);
        if (entry != null && entry.Hash == hash)
        {
            Batch.MarkUnchanged(CatalogEntityKind.Product, productKey);
            Batch.Finish(item, keys);
            return;
        }

        var manufacturer = await dependencies.ManufacturerAsync(product, ct);
        var tax = await dependencies.TaxAsync(product, ct);
        var specifications = await dependencies.SpecificationsAsync(product, manufacturer?.PropertyId, ct);
        var pictureIndex = applyPictures ? await context.Maps.PicturesAsync(context.Store, ct) : null;
        var categories = await context.MapAsync(CatalogEntityKind.Category, ct);

        var slug = entry == null ? context.Slugs.Request(product.Name, "product") : null;
        var adoption = slug != null && Options.AdoptProductsBySku && !string.IsNullOrWhiteSpace(product.Sku)
            ? context.Slugs.Adopt(product.Sku.Trim(), slug) : null;
        var draft = new ProductDraft(product, productKey, hash, entry, slug, adoption, images, pictureIndex, manufacturer,
            tax, specifications, categories);
        item.Parts.Add(new ImportPart(ImportStage.Main, () => Upsert(draft), Primary: true, outcome =>
        {
            if (draft.SentPictures != null && pictureIndex != null)
                ProductPictures.Remember(pictureIndex, productKey, draft.SentPictures, outcome.PictureIds);
        }));
        keys.Add(new(CatalogEntityKind.Product, productKey));
        Batch.Finish(item, keys);
    }

    /// <summary>What a product's command is built from at flush time, and the pictures it sent.</summary>
    private sealed record ProductDraft(CmlProduct Product, string Key, string Hash, MappedEntity? Entry, SlugRequest? Slug,
        ProductAdoption? Adoption, List<StagedImage>? Images, Dictionary<string, List<MappedPicture>>? PictureIndex,
        ManufacturerRef? Manufacturer, (string Key, string Name)? Tax, List<SpecificationValue> Specifications,
        Dictionary<string, MappedEntity> Categories)
    {
        public List<ProductPicture>? SentPictures { get; set; }
    }

    private UpsertProduct Upsert(ProductDraft draft)
    {
        var product = draft.Product;
        var entityId = draft.Entry?.EntityId ?? draft.Adoption?.ProductId;
        var creating = entityId == null;
        if (draft.Adoption?.ProductId is { } adopted)
            context.Counters.AddMessage(ExchangeMessage.Of(MessageKeys.ProductAdoptedBySku, draft.Key, draft.Adoption.Sku, adopted));
        var (planned, removed) = draft.Images != null
            ? pictures.Plan(draft.Key, draft.Images, draft.PictureIndex!, draft.Slug?.Result ?? SlugText.From(product.Name, "product"))
            : (null, []);
        draft.SentPictures = planned;
        return new UpsertProduct
        {
            Key = draft.Key,
            Hash = draft.Hash,
            EntityId = entityId,
            Name = creating || Options.UpdateProductNames ? product.Name : null,
            Sku = ImportContext.Blank(product.Sku),
            Gtin = ImportContext.Blank(product.Barcode),
            ShortDescription = creating || Options.UpdateProductDescriptions ? ShortDescription(product) : null,
            FullDescription = creating || Options.UpdateProductDescriptions ? SafeHtml.From(product.Description) ?? "" : null,
            Weight = product.Weight,
            ManufacturerId = draft.Manufacturer is { } m ? context.EntityIdOf(CatalogEntityKind.Manufacturer, m.Key) : null,
            TaxCategoryId = draft.Tax is { } t ? context.EntityIdOf(CatalogEntityKind.TaxCategory, t.Key) : null,
            CategoryIds = creating || Options.UpdateProductCategories ? CategoryIds(product, draft.Categories) : null,
            Specifications = dependencies.Resolve(product, draft.Specifications),
            Pictures = planned,
            RemovedPictureIds = removed,
            Published = creating ? Options.PublishNewProducts
                : draft.Entry?.Hash is null or ImportContext.DeletedHash ? (Options.PublishNewProducts ? true : null) : null,
            Slug = creating ? draft.Slug?.Result : null,
            Defaults = creating ? ImportContext.SellableDefaults : null,
            Source = product,
        };
    }

    private string ProductHash(CmlProduct product, List<StagedImage>? images)
    {
        var h = context.Hash.Add(_optionsFingerprint).Add(product.Name).Add(product.FullName).Add(product.Description)
            .Add(product.Sku).Add(product.Barcode).Add(product.Weight).Add(product.Country).Add(product.ItemType)
            .Add(product.Code).Add(product.BaseUnit?.Code).Add(product.Manufacturer?.Id).Add(product.Manufacturer?.Name);
        h.Add(product.GroupIds.Count);
        foreach (var group in product.GroupIds)
            h.Add(group);
        h.Add(product.TaxRates.Count);
        foreach (var rate in product.TaxRates)
            h.Add(rate.Name).Add(rate.Rate);
        h.Add(product.PropertyValues.Count);
        foreach (var value in product.PropertyValues)
        {
            h.Add(value.PropertyId).Add(value.PropertyName).Add((int)value.ValueType).Add(value.Values.Count);
            foreach (var v in value.Values)
                h.Add(v.Text).Add(v.ReferenceValueId);
        }
        h.Add(product.Requisites.Count);
        foreach (var requisite in product.Requisites)
            h.Add(requisite.Name).Add(requisite.Value);
        h.Add(product.Images.Count);
        foreach (var image in product.Images)
            h.Add(image.Path).Add(image.Caption);
        // File contents count only when 1C owns pictures: otherwise the hash would differ between create and update.
        if (Options.UpdateProductPictures && images != null)
            foreach (var image in images)
                h.Add(image.Hash);
        return h.Finish();
    }

    private static string? ShortDescription(CmlProduct product) =>
        product.FullName is { } full && !string.IsNullOrWhiteSpace(full)
            && !string.Equals(full.Trim(), product.Name.Trim(), StringComparison.Ordinal)
            ? SafeHtml.InlineFrom(full) : "";

    private List<int> CategoryIds(CmlProduct product, Dictionary<string, MappedEntity> categories)
    {
        var ids = new List<int>(product.GroupIds.Count);
        foreach (var groupId in product.GroupIds)
        {
            if (categories.TryGetValue(groupId, out var category))
            {
                if (!ids.Contains(category.EntityId))
                    ids.Add(category.EntityId);
            }
            else
            {
                context.Warnings.Warn(ExchangeMessage.Of(MessageKeys.ProductGroupMissing, product.Id, groupId));
            }
        }
        return ids;
    }
}
