using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Settings;
using OneCExchange.Core.Staging;
using OneCExchange.Core.Messages;
using CmlProduct = OneCExchange.Core.CommerceMl.Product;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The catalog sync pipeline for one file: takes the reader's records in document order, decides for each item
/// whether it is new, changed or unchanged (content hash against the mapping table), builds the host-neutral commands
/// and sends them to the store in batches. Every mapping decision is made here; the store only writes.
/// </summary>
/// <remarks>
/// A flush sends the buffered items in five stages, one store transaction each, because later commands need the ids
/// earlier ones create: dependencies (specification attributes, manufacturers, tax categories, warehouses), options,
/// categories and products, variants, then prices and stock (with the variant stock roll-up). The keys of unchanged
/// items go with the last stage so the store records that this session saw them.
/// </remarks>
public sealed class CatalogImporter
{
    private enum Stage { Dependencies, Options, Main, Variants, Offers }

    private static readonly Stage[] Stages = Enum.GetValues<Stage>();
    private static readonly NewProductDefaults SellableDefaults = new(1, 10000, true, true, true);
    private const string DeletedHash = "D:";
    private const string ProductFromOfferHash = "O:";

    private sealed record Part(Stage Stage, Func<CatalogCommand?> Build, bool Primary, Action<CommandOutcome>? OnApplied);

    private sealed class Pending(ItemProgress progress)
    {
        public ItemProgress Progress { get; } = progress;
        public List<Part> Parts { get; } = [];
        public bool Unpublishes { get; set; }
    }

    private sealed class SlugRequest(string baseSlug)
    {
        public string Base { get; } = baseSlug;
        public bool Needed { get; set; } = true;
        public int Attempt { get; set; } = 1;
        public string? Result { get; set; }
    }

    private sealed class Adoption(string sku, SlugRequest slug)
    {
        public string Sku { get; } = sku;
        /// <summary>The slug the product needs if no store product has this SKU.</summary>
        public SlugRequest Slug { get; } = slug;
        public int? ProductId { get; set; }
    }

    private sealed record StagedImage(ProductImage Image, string FilePath, string? Hash);

    private readonly ICatalogStore _store;
    private readonly CatalogImportOptions _options;
    private readonly CatalogSessionState _session;
    private readonly string _sessionFolder;
    private readonly ImportCounters _counters;
    private readonly MappingIndex _maps;
    private readonly BatchWriter _writer;
    private readonly PriceRouter _prices;
    private readonly ContentHash _hash = new();
    private readonly string _optionsFingerprint;
    private readonly bool _perWarehouse;

    private readonly List<Pending> _pending = [];
    private int _pendingItems;
    private readonly HashSet<EntityKey> _pendingKeys = [];
    private readonly List<EntityKey> _unchanged = [];
    /// <summary>Products whose variants' stock changed in this batch (by key: a product created in the batch has no id yet).</summary>
    private readonly HashSet<string> _rollUps = new(StringComparer.Ordinal);
    private readonly OffersWithoutProduct _offersWithoutProduct = new();
    private VariantPrices? _variantPrices;
    /// <summary>Products whose variants' prices changed in this batch: their own price follows the lowest.</summary>
    private readonly HashSet<string> _priceRollUps = new(StringComparer.Ordinal);
    private readonly List<SlugRequest> _slugRequests = [];
    private readonly List<Adoption> _adoptions = [];
    /// <summary>Slugs given out in the current flush (not yet in the store).</summary>
    private readonly HashSet<string> _usedSlugs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _siblingCounters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groupOrder = new(StringComparer.Ordinal);
    private readonly HashSet<ExchangeMessage> _warned = [];

    public CatalogImporter(ICatalogStore store, CatalogImportOptions options, CatalogSessionState session,
        string sessionFolder, ImportCounters counters)
    {
        _store = store;
        _options = options;
        _session = session;
        _sessionFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sessionFolder));
        _counters = counters;
        _maps = session.Maps;
        _writer = new BatchWriter(store, session.SessionId, counters);
        _prices = new PriceRouter(options, session);
        _perWarehouse = options.WarehouseMappings.Count > 0 || options.CreateWarehouses;
        _optionsFingerprint = _hash.Add(options.UpdateProductNames).Add(options.UpdateProductDescriptions)
            .Add(options.UpdateProductCategories).Add(options.UpdateProductPictures).Add(options.PublishNewProducts)
            .Add(options.ManufacturerPropertyName).Finish();
    }

    /// <summary>
    /// Notes what a record defines for the rest of the file and session (price types, warehouses, headers, the order
    /// of groups) without writing anything. Used for items skipped on resume; <see cref="AddAsync"/> calls it too.
    /// </summary>
    public void Observe(CommerceMlRecord record, long itemNumber)
    {
        ObserveRecord(record);
        _lastQueued = itemNumber;
    }

    private void ObserveRecord(CommerceMlRecord record)
    {
        switch (record)
        {
            case PriceType priceType:
                _session.Add(priceType);
                break;
            case Warehouse warehouse:
                _session.Add(warehouse);
                break;
            case Group group:
                var parent = group.ParentId ?? "";
                _siblingCounters.TryGetValue(parent, out var order);
                _siblingCounters[parent] = order + 1;
                _groupOrder[group.Id] = order;
                break;
        }
    }

    /// <summary>
    /// The number of the last item (as passed to <see cref="AddAsync"/>/<see cref="Observe"/>) up to which everything is
    /// committed in the store: the durable checkpoint.
    /// </summary>
    public long CommittedItems => _pending.Count == 0 && _unchanged.Count == 0 ? _lastQueued : _committed;

    private long _lastQueued;
    private long _committed;

    /// <summary>Takes the record numbered <paramref name="itemNumber"/> (1-based in its file); sends a batch when
    /// enough items are buffered.</summary>
    public async Task AddAsync(CommerceMlRecord record, long itemNumber, CancellationToken ct)
    {
        ObserveRecord(record);
        switch (record)
        {
            case Group group:
                await AddGroupAsync(group, ct);
                break;
            case PropertyDefinition property:
                await AddPropertyAsync(property, ct);
                break;
            case Warehouse warehouse when _options.CreateWarehouses && FindConfiguredWarehouse(warehouse.Id) is null:
                await EnsureWarehouseAsync(warehouse.Id, ct);
                break;
            case CmlProduct product:
                await AddProductAsync(product, ct);
                break;
            case Offer offer:
                await AddOfferAsync(offer, ct);
                break;
        }
        _lastQueued = itemNumber;
        // Unchanged items cost the store only a "seen" mark: many of them fit in one batch, but not unboundedly many.
        if (_pendingItems >= _options.BatchSize || _unchanged.Count >= _options.BatchSize * 10)
            await FlushAsync(ct);
    }

    // ---------------------------------------------------------------- groups and properties

    private async Task AddGroupAsync(Group group, CancellationToken ct)
    {
        if ((group.ParentId != null && _pendingKeys.Contains(new(CatalogEntityKind.Category, group.ParentId)))
            || _pendingKeys.Contains(new(CatalogEntityKind.Category, group.Id)))
            await FlushAsync(ct);
        var categories = await _maps.GetAsync(_store, CatalogEntityKind.Category, ct);
        _session.MarkSeen(CatalogEntityKind.Category);
        var order = _groupOrder[group.Id];
        var hash = _hash.Add(group.Name).Add(group.Description).Add(group.ParentId).Add(order).Add(group.IsDeleted).Finish();
        categories.TryGetValue(group.Id, out var entry);
        if (entry != null && entry.Hash == hash)
        {
            Unchanged(CatalogEntityKind.Category, group.Id);
            return;
        }
        if (entry == null && group.IsDeleted)
        {
            _counters.Skipped++;
            return;
        }
        var item = NewItem(() => ExchangeMessage.Of(MessageKeys.LabelGroup, group.Id, group.Name), group.Location);
        item.Unpublishes = group.IsDeleted;
        var slug = entry == null ? RequestSlug(group.Name, "category") : null;
        item.Parts.Add(new Part(Stage.Main, () => new UpsertCategory
        {
            Key = group.Id,
            Hash = hash,
            EntityId = entry?.EntityId,
            Name = group.Name,
            Description = SafeHtml.From(group.Description) ?? "",
            ParentCategoryId = ParentCategoryId(group, categories),
            DisplayOrder = order,
            Published = !group.IsDeleted,
            Slug = slug?.Result,
            Source = group,
        }, Primary: true, null));
        Enqueue(item, new EntityKey(CatalogEntityKind.Category, group.Id));
    }

    private int ParentCategoryId(Group group, Dictionary<string, MappedEntity> categories)
    {
        if (group.ParentId is null)
            return 0;
        if (categories.TryGetValue(group.ParentId, out var parent))
            return parent.EntityId;
        Warn(ExchangeMessage.Of(MessageKeys.ParentGroupMissing, group.Id, group.ParentId));
        return 0;
    }

    private async Task AddPropertyAsync(PropertyDefinition property, CancellationToken ct)
    {
        if (property.IsDeleted || property.ForProducts == false)
        {
            // Offer-only properties become variant attributes, not specifications.
            _counters.Skipped++;
            return;
        }
        if (_pendingKeys.Contains(new(CatalogEntityKind.SpecificationAttribute, property.Id)))
            await FlushAsync(ct);
        var attributes = await _maps.GetAsync(_store, CatalogEntityKind.SpecificationAttribute, ct);
        var options = await _maps.GetAsync(_store, CatalogEntityKind.SpecificationOption, ct);
        var item = NewItem(() => ExchangeMessage.Of(MessageKeys.LabelProperty, property.Id, property.Name), property.Location);
        var keys = new List<EntityKey>();

        var hash = _hash.Add(property.Name).Finish();
        attributes.TryGetValue(property.Id, out var entry);
        if (entry != null && entry.Hash == hash)
            _unchanged.Add(new(CatalogEntityKind.SpecificationAttribute, property.Id));
        else
        {
            item.Parts.Add(new Part(Stage.Dependencies, () => new UpsertSpecificationAttribute
            {
                Key = property.Id, Hash = hash, EntityId = entry?.EntityId, Name = property.Name, Source = property,
            }, Primary: true, null));
            keys.Add(new(CatalogEntityKind.SpecificationAttribute, property.Id));
        }

        for (var i = 0; i < property.ReferenceValues.Count; i++)
        {
            var value = property.ReferenceValues[i];
            var key = OptionKey(property.Id, value.Id);
            var optionHash = _hash.Add(value.Value).Add(i).Finish();
            options.TryGetValue(key, out var optionEntry);
            if (optionEntry != null && optionEntry.Hash == optionHash)
            {
                _unchanged.Add(new(CatalogEntityKind.SpecificationOption, key));
                continue;
            }
            var displayOrder = i;
            item.Parts.Add(new Part(Stage.Options, () => EntityIdOf(attributes, property.Id) is { } attributeId
                ? new UpsertSpecificationOption
                {
                    Key = key, Hash = optionHash, EntityId = optionEntry?.EntityId,
                    SpecificationAttributeId = attributeId, Name = value.Value, DisplayOrder = displayOrder,
                }
                : null, Primary: false, null));
            keys.Add(new(CatalogEntityKind.SpecificationOption, key));
        }

        if (item.Parts.Count == 0)
            _counters.Skipped++;
        else
            Enqueue(item, keys.ToArray());
    }

    private static string OptionKey(string propertyId, string valueId) => MappingKeys.Fit(propertyId + "/" + valueId);

    // ---------------------------------------------------------------- products

    private async Task AddProductAsync(CmlProduct product, CancellationToken ct)
    {
        var hashIndex = product.Id.IndexOf('#');
        var productKey = hashIndex > 0 ? product.Id[..hashIndex] : product.Id;
        var variantKey = hashIndex > 0 ? product.Id : null;
        // Categories are written in the same stage as products: a product waits for its pending groups.
        if (_pendingKeys.Contains(new(CatalogEntityKind.Product, productKey))
            || (variantKey != null && _pendingKeys.Contains(new(CatalogEntityKind.Variant, variantKey)))
            || product.GroupIds.Any(g => _pendingKeys.Contains(new(CatalogEntityKind.Category, g))))
            await FlushAsync(ct);

        var products = await _maps.GetAsync(_store, CatalogEntityKind.Product, ct);
        _session.MarkSeen(CatalogEntityKind.Product);
        products.TryGetValue(productKey, out var entry);
        var item = NewItem(() => ExchangeMessage.Of(MessageKeys.LabelProduct, product.Id, product.Name), product.Location);
        var keys = new List<EntityKey>();

        if (variantKey != null)
        {
            // A 2.04 catalog lists each characteristic as its own Товар "product#characteristic".
            var variants = await _maps.GetAsync(_store, CatalogEntityKind.Variant, ct);
            AddVariantPart(item, keys, variants, variantKey, productKey, product.IsDeleted, product.Characteristics,
                product.Sku, product.Barcode, product.Name, null);
            if (product.IsDeleted)
            {
                Finish(item, keys);
                return;
            }
        }

        if (product.IsDeleted)
        {
            if (entry == null || entry.Hash == DeletedHash)
            {
                if (entry != null)
                    _unchanged.Add(new(CatalogEntityKind.Product, productKey));
                _counters.Skipped++;
                return;
            }
            item.Unpublishes = true;
            item.Parts.Add(new Part(Stage.Main, () => new UnpublishEntity
            {
                Key = productKey, Hash = DeletedHash, EntityId = entry.EntityId, EntityKind = CatalogEntityKind.Product,
            }, Primary: true, null));
            keys.Add(new(CatalogEntityKind.Product, productKey));
            Finish(item, keys);
            return;
        }

        var applyPictures = entry == null || _options.UpdateProductPictures;
        var images = applyPictures ? StageImages(product) : null;
        var hash = ProductHash(product, images);
        if (entry != null && entry.Hash == hash)
        {
            _unchanged.Add(new(CatalogEntityKind.Product, productKey));
            Finish(item, keys);
            return;
        }

        var manufacturer = await ManufacturerAsync(product, ct);
        var tax = TaxKeys.For(product.TaxRates);
        if (tax is { } taxKey)
            await EnsureDependencyAsync(new(CatalogEntityKind.TaxCategory, taxKey.Key), taxKey, static t => ExchangeMessage.Of(MessageKeys.LabelTaxRate, t.Name),
                Stage.Dependencies, static t => new UpsertTaxCategory { Key = t.Key, Name = t.Name }, ct);
        var specifications = await SpecificationsAsync(product, manufacturer?.PropertyId, ct);
        var pictureIndex = applyPictures ? await _maps.PicturesAsync(_store, ct) : null;
        var categories = await _maps.GetAsync(_store, CatalogEntityKind.Category, ct);

        var slug = entry == null ? RequestSlug(product.Name, "product") : null;
        Adoption? adoption = null;
        if (slug != null && _options.AdoptProductsBySku && !string.IsNullOrWhiteSpace(product.Sku))
            _adoptions.Add(adoption = new Adoption(product.Sku.Trim(), slug));

        List<ProductPicture>? sentPictures = null;
        item.Parts.Add(new Part(Stage.Main, () =>
        {
            var entityId = entry?.EntityId ?? adoption?.ProductId;
            var creating = entityId == null;
            if (adoption?.ProductId is { } adopted)
                _counters.AddMessage(ExchangeMessage.Of(MessageKeys.ProductAdoptedBySku, productKey, adoption.Sku, adopted));
            var (pictures, removed) = images != null
                ? Pictures(productKey, images, pictureIndex!, slug?.Result ?? SlugText.From(product.Name, "product"))
                : (null, []);
            sentPictures = pictures;
            return new UpsertProduct
            {
                Key = productKey,
                Hash = hash,
                EntityId = entityId,
                Name = creating || _options.UpdateProductNames ? product.Name : null,
                Sku = Blank(product.Sku),
                Gtin = Blank(product.Barcode),
                ShortDescription = creating || _options.UpdateProductDescriptions ? ShortDescription(product) : null,
                FullDescription = creating || _options.UpdateProductDescriptions ? SafeHtml.From(product.Description) ?? "" : null,
                Weight = product.Weight,
                ManufacturerId = manufacturer is { } m ? EntityIdOf(CatalogEntityKind.Manufacturer, m.Key) : null,
                TaxCategoryId = tax is { } t ? EntityIdOf(CatalogEntityKind.TaxCategory, t.Key) : null,
                CategoryIds = creating || _options.UpdateProductCategories ? CategoryIds(product, categories) : null,
                Specifications = ResolveSpecifications(product, specifications),
                Pictures = pictures,
                RemovedPictureIds = removed,
                Published = creating ? _options.PublishNewProducts
                    : entry?.Hash is null or DeletedHash ? (_options.PublishNewProducts ? true : null) : null,
                Slug = creating ? slug?.Result : null,
                Defaults = creating ? SellableDefaults : null,
                Source = product,
            };
        }, Primary: true, outcome =>
        {
            if (sentPictures != null && pictureIndex != null)
                RememberPictures(pictureIndex, productKey, sentPictures, outcome.PictureIds);
        }));
        keys.Add(new(CatalogEntityKind.Product, productKey));
        Finish(item, keys);
    }

    private string ProductHash(CmlProduct product, List<StagedImage>? images)
    {
        var h = _hash.Add(_optionsFingerprint).Add(product.Name).Add(product.FullName).Add(product.Description)
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
        if (_options.UpdateProductPictures && images != null)
            foreach (var image in images)
                h.Add(image.Hash);
        return h.Finish();
    }

    private static string? ShortDescription(CmlProduct product) =>
        product.FullName is { } full && !string.IsNullOrWhiteSpace(full)
            && !string.Equals(full.Trim(), product.Name.Trim(), StringComparison.Ordinal)
            ? SafeHtml.From(full) : "";

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
                Warn(ExchangeMessage.Of(MessageKeys.ProductGroupMissing, product.Id, groupId));
            }
        }
        return ids;
    }

    private async Task<(string Key, string Name, string? PropertyId)?> ManufacturerAsync(CmlProduct product,
        CancellationToken ct)
    {
        (string Key, string Name, string? PropertyId)? found = null;
        var propertyName = _options.ManufacturerPropertyName;
        if (!string.IsNullOrWhiteSpace(propertyName))
        {
            var value = product.PropertyValues.FirstOrDefault(v =>
                string.Equals(v.PropertyName, propertyName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(v.PropertyId, propertyName, StringComparison.OrdinalIgnoreCase));
            var text = value?.Values.Select(v => v.Text.Trim()).FirstOrDefault(IsValue);
            if (text != null)
                found = (MappingKeys.Fit("=" + text), text, value!.PropertyId);
        }
        if (found == null && product.Manufacturer is { } m && !string.IsNullOrWhiteSpace(m.Name))
            found = (MappingKeys.Fit(string.IsNullOrWhiteSpace(m.Id) ? "=" + m.Name.Trim() : m.Id), m.Name.Trim(), null);
        if (found is { } f && !await KnownAsync(new(CatalogEntityKind.Manufacturer, f.Key), ct))
        {
            var slug = RequestSlug(f.Name, "manufacturer");
            await EnsureDependencyAsync(new(CatalogEntityKind.Manufacturer, f.Key), (f.Key, f.Name, slug),
                static s => ExchangeMessage.Of(MessageKeys.LabelManufacturer, s.Name), Stage.Dependencies,
                static s => new UpsertManufacturer { Key = s.Key, Name = s.Name, Slug = s.slug.Result }, ct);
        }
        return found;
    }

    private sealed record SpecificationValue(string PropertyId, int DisplayOrder, string OptionKey, string? CustomValue);

    /// <summary>The product's property values as options to create on the way (not yet resolved to ids).</summary>
    private async Task<List<SpecificationValue>> SpecificationsAsync(CmlProduct product, string? manufacturerPropertyId,
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
                if (!IsValue(text) && item.ReferenceValueId is null)
                    continue;
                await EnsureDependencyAsync(new(CatalogEntityKind.SpecificationAttribute, propertyId),
                    (propertyId, propertyName), static p => ExchangeMessage.Of(MessageKeys.LabelProperty, p.propertyId, p.propertyName), Stage.Dependencies,
                    static p => new UpsertSpecificationAttribute { Key = p.propertyId, Name = p.propertyName }, ct);
                string optionKey;
                string? custom = null;
                string optionName;
                if (item.ReferenceValueId is { } valueId && IsValue(valueId))
                {
                    optionKey = OptionKey(propertyId, valueId);
                    optionName = IsValue(text) ? text : valueId;
                }
                else if (value.ValueType == PropertyValueType.Reference)
                {
                    optionKey = OptionKey(propertyId, "=" + text);
                    optionName = text;
                }
                else
                {
                    // nopCommerce keeps custom text on an option too: one placeholder option per attribute.
                    optionKey = OptionKey(propertyId, "*");
                    optionName = propertyName;
                    custom = text;
                }
                await EnsureDependencyAsync(new(CatalogEntityKind.SpecificationOption, optionKey),
                    (optionKey, optionName, propertyId), static o => ExchangeMessage.Of(MessageKeys.LabelPropertyValue, o.optionKey), Stage.Options,
                    o => EntityIdOf(CatalogEntityKind.SpecificationAttribute, o.propertyId) is { } attributeId
                        ? new UpsertSpecificationOption { Key = o.optionKey, SpecificationAttributeId = attributeId, Name = o.optionName }
                        : null, ct);
                result.Add(new SpecificationValue(propertyId, index, optionKey, custom));
            }
        }
        return result;
    }

    private List<ProductSpecification> ResolveSpecifications(CmlProduct product, List<SpecificationValue> values)
    {
        var result = new List<ProductSpecification>(values.Count);
        foreach (var value in values)
        {
            if (EntityIdOf(CatalogEntityKind.SpecificationOption, value.OptionKey) is { } optionId)
                result.Add(new ProductSpecification(optionId, value.CustomValue, value.CustomValue is null, value.DisplayOrder));
            else
                Warn(ExchangeMessage.Of(MessageKeys.PropertyValueMissing, product.Id, value.OptionKey));
        }
        return result;
    }

    private List<StagedImage> StageImages(CmlProduct product)
    {
        var result = new List<StagedImage>(product.Images.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in product.Images)
        {
            var path = image.Path.Replace('\\', '/').Trim();
            if (path.Length == 0 || !seen.Add(path))
                continue;
            var full = StagingPath.Within(_sessionFolder, path);
            if (full == null)
            {
                Warn(ExchangeMessage.Of(MessageKeys.PicturePathInvalid, product.Id, path));
                continue;
            }
            result.Add(new StagedImage(image with { Path = path }, full, File.Exists(full) ? ContentHash.OfFile(full) : null));
        }
        return result;
    }

    private (List<ProductPicture>, List<int>) Pictures(string productKey, List<StagedImage> images,
        Dictionary<string, List<MappedPicture>> index, string seoName)
    {
        index.TryGetValue(productKey, out var existing);
        var pictures = new List<ProductPicture>(images.Count);
        foreach (var image in images)
        {
            var path = image.Image.Path;
            var key = MappingIndex.PictureKey(productKey, path);
            var known = existing?.FirstOrDefault(p => p.Key == key);
            var mime = MimeType(path);
            var order = pictures.Count;
            if (image.Hash is null)
            {
                if (known != null)
                    pictures.Add(new ProductPicture(PictureAction.Keep, key, known.PictureId, image.FilePath, path,
                        known.Hash ?? "", mime, seoName, order, image.Image.Caption));
                else
                    Warn(ExchangeMessage.Of(MessageKeys.PictureFileMissing, productKey, path));
                continue;
            }
            var action = known is null ? PictureAction.Add
                : known.Hash == image.Hash ? PictureAction.Keep : PictureAction.Replace;
            pictures.Add(new ProductPicture(action, key, known?.PictureId, image.FilePath, path, image.Hash, mime,
                seoName, order, image.Image.Caption));
        }
        var removed = existing?.Where(e => pictures.All(p => p.Key != e.Key))
            .Select(e => e.PictureId).ToList() ?? [];
        return (pictures, removed);
    }

    private static void RememberPictures(Dictionary<string, List<MappedPicture>> index, string productKey,
        List<ProductPicture> pictures, IReadOnlyList<int>? pictureIds)
    {
        if (pictureIds is null || pictureIds.Count != pictures.Count)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.PictureIdsMissing, productKey));
        index[productKey] = pictures.Select((p, i) => new MappedPicture(p.Key, pictureIds[i], p.ContentHash)).ToList();
    }

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".bmp" => "image/bmp",
        ".svg" => "image/svg+xml",
        _ => "image/jpeg",
    };

    // ---------------------------------------------------------------- offers

    private async Task AddOfferAsync(Offer offer, CancellationToken ct)
    {
        var productKey = offer.ProductId;
        if (_pendingKeys.Contains(new(CatalogEntityKind.Product, productKey))
            || _pendingKeys.Contains(new(CatalogEntityKind.Variant, offer.Id))
            || _pendingKeys.Contains(new(CatalogEntityKind.OfferPrices, offer.Id))
            || _pendingKeys.Contains(new(CatalogEntityKind.OfferStock, offer.Id)))
            await FlushAsync(ct);
        var products = await _maps.GetAsync(_store, CatalogEntityKind.Product, ct);
        var variants = await _maps.GetAsync(_store, CatalogEntityKind.Variant, ct);
        var priceMap = await _maps.GetAsync(_store, CatalogEntityKind.OfferPrices, ct);
        var stockMap = await _maps.GetAsync(_store, CatalogEntityKind.OfferStock, ct);
        _variantPrices ??= new VariantPrices(priceMap, key => variants.TryGetValue(key, out var v) && v.Hash == DeletedHash);
        var label = () => offer.Name is null
            ? ExchangeMessage.Of(MessageKeys.LabelOffer, offer.Id)
            : ExchangeMessage.Of(MessageKeys.LabelOfferNamed, offer.Id, offer.Name);
        var item = NewItem(label, offer.Location);
        var keys = new List<EntityKey>();
        if (!products.ContainsKey(productKey))
        {
            if (offer.IsDeleted)
            {
                _counters.Skipped++;
                return;
            }
            if (!_options.CreateProductsFromOffers)
            {
                _offersWithoutProduct.Add(offer.Id);
                _counters.Skipped++;
                return;
            }
            AddProductFromOfferPart(item, keys, offer, productKey);
        }

        var isVariant = offer.CharacteristicId != null;
        OfferTarget target;
        Func<int?> targetId;
        if (isVariant)
        {
            var attributes = offer.Characteristics.Count > 0 ? offer.Characteristics
                : offer.PropertyValues.Select(v => new Characteristic(v.PropertyId, v.PropertyName ?? v.PropertyId,
                    string.Join(", ", v.Values.Select(x => x.Text.Trim()).Where(IsValue)))).ToList();
            var hasDefinition = attributes.Count > 0 || offer.Sku != null || offer.Barcode != null;
            if (offer.IsDeleted && !variants.ContainsKey(offer.Id))
                _session.MarkDeletedOffer(offer.Id);
            else if (!hasDefinition && !variants.ContainsKey(offer.Id) && _session.IsDeletedOffer(offer.Id))
            {
                // 1C deleted this offer earlier in the session (offers file): its prices or rests must not create it.
                _counters.Skipped++;
                return;
            }
            if (hasDefinition || !variants.ContainsKey(offer.Id) || offer.IsDeleted)
                AddVariantPart(item, keys, variants, offer.Id, productKey, offer.IsDeleted, attributes, offer.Sku,
                    offer.Barcode, offer.Name, offer);
            if (offer.IsDeleted)
            {
                Finish(item, keys);
                return;
            }
            target = OfferTarget.Variant;
            targetId = () => EntityIdOf(variants, offer.Id);
        }
        else
        {
            target = OfferTarget.Product;
            targetId = () => EntityIdOf(CatalogEntityKind.Product, productKey);
        }

        if (offer.HasPrices && offer.Prices.Count > 0 && (_options.UpdateProductPrices || !priceMap.ContainsKey(offer.Id)))
            AddPricesPart(item, keys, priceMap, offer, target, targetId, productKey);

        // A product with variants shows the sum of their stock (rolled up), whatever its own offer says.
        var hasStock = offer.HasStock || (offer.IsDeleted && !isVariant);
        if (!isVariant && HasVariants(productKey, variants))
            hasStock = false;
        if (hasStock && (_options.UpdateProductStock || !stockMap.ContainsKey(offer.Id)))
            await AddStockPartAsync(item, keys, stockMap, offer, target, targetId, productKey, products, ct);

        Finish(item, keys);
    }

    /// <summary>
    /// A product for an offer whose product the store does not have (setting CreateProductsFromOffers): named after the
    /// offer (a variant's name without its characteristic in parentheses), with the offer's SKU and barcode when the
    /// offer is the product itself. A later catalog brings the rest (its hash differs, so it updates the product).
    /// </summary>
    private void AddProductFromOfferPart(Pending item, List<EntityKey> keys, Offer offer, string productKey)
    {
        var isVariant = offer.CharacteristicId != null;
        var name = Blank(offer.Name) ?? productKey;
        if (isVariant && name.EndsWith(')') && name.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var cut)
            name = name[..cut];
        var slug = RequestSlug(name, "product");
        item.Parts.Add(new Part(Stage.Main, () => new UpsertProduct
        {
            Key = productKey,
            Hash = ProductFromOfferHash,
            Name = name,
            Sku = isVariant ? null : Blank(offer.Sku),
            Gtin = isVariant ? null : Blank(offer.Barcode),
            ShortDescription = "",
            FullDescription = "",
            Published = _options.PublishNewProducts,
            Slug = slug.Result,
            Defaults = SellableDefaults,
        }, Primary: true, null));
        keys.Add(new(CatalogEntityKind.Product, productKey));
    }

    private bool HasVariants(string productKey, Dictionary<string, MappedEntity> variants)
    {
        if (_productsWithVariants is null)
        {
            _productsWithVariants = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in variants.Keys)
                _productsWithVariants.Add(key[..Math.Max(0, key.IndexOf('#'))]);
        }
        return _productsWithVariants.Contains(productKey);
    }

    private HashSet<string>? _productsWithVariants;

    private void AddVariantPart(Pending item, List<EntityKey> keys, Dictionary<string, MappedEntity> variants,
        string variantKey, string productKey, bool deleted, IReadOnlyList<Characteristic> characteristics, string? sku,
        string? barcode, string? name, Offer? source)
    {
        variants.TryGetValue(variantKey, out var entry);
        if (deleted)
        {
            if (entry == null || entry.Hash == DeletedHash)
            {
                if (entry != null)
                    _unchanged.Add(new(CatalogEntityKind.Variant, variantKey));
                return;
            }
            item.Unpublishes = true;
            _variantPrices?.Note(variantKey, null);
            _priceRollUps.Add(productKey);
            item.Parts.Add(new Part(Stage.Variants, () => new UnpublishEntity
            {
                Key = variantKey, Hash = DeletedHash, EntityId = entry.EntityId, EntityKind = CatalogEntityKind.Variant,
            }, Primary: true, null));
            keys.Add(new(CatalogEntityKind.Variant, variantKey));
            // Its stock is now 0: the product's total follows.
            _rollUps.Add(productKey);
            return;
        }
        var attributes = characteristics.Where(c => IsValue(c.Value.Trim()))
            .Select(c => new VariantAttribute(c.Name.Trim(), c.Value.Trim())).ToList();
        if (attributes.Count == 0)
            attributes.Add(new VariantAttribute("Вариант", name ?? variantKey[(variantKey.IndexOf('#') + 1)..]));
        _hash.Add(Blank(sku)).Add(Blank(barcode)).Add(attributes.Count);
        foreach (var attribute in attributes)
            _hash.Add(attribute.Name).Add(attribute.Value);
        var hash = _hash.Finish();
        if (entry != null && entry.Hash == hash)
        {
            _unchanged.Add(new(CatalogEntityKind.Variant, variantKey));
            return;
        }
        if (!HasVariants(productKey, variants))
            _productsWithVariants!.Add(productKey);
        item.Parts.Add(new Part(Stage.Variants, () => EntityIdOf(CatalogEntityKind.Product, productKey) is { } productId
            ? new UpsertVariant
            {
                Key = variantKey, Hash = hash, EntityId = entry?.EntityId, ProductId = productId, Attributes = attributes,
                Sku = Blank(sku), Gtin = Blank(barcode), Source = source,
            }
            : null, Primary: true, null));
        keys.Add(new(CatalogEntityKind.Variant, variantKey));
    }

    private void AddPricesPart(Pending item, List<EntityKey> keys, Dictionary<string, MappedEntity> priceMap, Offer offer,
        OfferTarget target, Func<int?> targetId, string productKey)
    {
        var warnings = new List<ExchangeMessage>();
        var routed = _prices.Route(offer, warnings);
        foreach (var warning in warnings)
            Warn(warning);
        if (target == OfferTarget.Variant)
            routed = routed with { OldPrice = null, ProductCost = null, Tiers = [] };
        if (routed.IsEmpty)
            return;
        var roles = target == OfferTarget.Product ? _prices.TierRoles : [];
        _hash.Add((int)target).Add(routed.Price).Add(routed.OldPrice).Add(routed.ProductCost).Add(routed.Tiers.Count);
        foreach (var tier in routed.Tiers)
            _hash.Add(tier.CustomerRoleSystemName).Add(tier.Price);
        foreach (var role in roles)
            _hash.Add(role);
        var hash = _hash.Finish();
        if (target == OfferTarget.Variant)
            hash = VariantPrices.VariantHash(hash, routed.Price);
        priceMap.TryGetValue(offer.Id, out var entry);
        if (entry != null && entry.Hash == hash)
        {
            _unchanged.Add(new(CatalogEntityKind.OfferPrices, offer.Id));
            return;
        }
        if (target == OfferTarget.Variant && routed.Price is { } variantPrice)
        {
            _variantPrices!.Note(offer.Id, variantPrice);
            _priceRollUps.Add(productKey);
        }
        item.Parts.Add(new Part(Stage.Offers, () => targetId() is { } id
            ? new SetOfferPrices
            {
                Key = offer.Id, Hash = hash, EntityId = id, Target = target, TargetId = id, Price = routed.Price,
                OldPrice = routed.OldPrice, ProductCost = routed.ProductCost, TierPrices = routed.Tiers,
                ManagedTierRoles = roles, Source = offer,
            }
            : null, Primary: false, null));
        keys.Add(new(CatalogEntityKind.OfferPrices, offer.Id));
    }

    private async Task AddStockPartAsync(Pending item, List<EntityKey> keys, Dictionary<string, MappedEntity> stockMap,
        Offer offer, OfferTarget target, Func<int?> targetId, string productKey,
        Dictionary<string, MappedEntity> products, CancellationToken ct)
    {
        var perWarehouse = _perWarehouse && target == OfferTarget.Product && offer.Stocks.Count > 0 && !offer.IsDeleted;
        var warehouses = new List<(Func<int?> Id, string Key, decimal Quantity)>();
        decimal total;
        if (offer.IsDeleted)
        {
            total = 0;
        }
        else if (perWarehouse)
        {
            total = 0;
            foreach (var stock in offer.Stocks)
            {
                if (await WarehouseAsync(stock.WarehouseId, ct) is not { } warehouse)
                    continue;
                warehouses.Add((warehouse.Id, warehouse.Key, stock.Quantity));
                total += Math.Max(0, stock.Quantity);
            }
        }
        else
        {
            total = offer.Quantity ?? offer.Stocks.Sum(s => s.Quantity);
        }

        _hash.Add((int)target).Add(Quantity(total)).Add(perWarehouse);
        foreach (var warehouse in warehouses)
            _hash.Add(warehouse.Key).Add(Quantity(warehouse.Quantity));
        var hash = _hash.Finish();
        stockMap.TryGetValue(offer.Id, out var entry);
        if (entry != null && entry.Hash == hash)
        {
            _unchanged.Add(new(CatalogEntityKind.OfferStock, offer.Id));
            return;
        }
        item.Parts.Add(new Part(Stage.Offers, () =>
        {
            if (targetId() is not { } id)
                return null;
            List<WarehouseQuantity>? quantities = null;
            if (perWarehouse)
            {
                quantities = warehouses.Select(w => (Id: w.Id(), w.Quantity)).Where(w => w.Id != null)
                    .GroupBy(w => w.Id!.Value)
                    .Select(g => new WarehouseQuantity(g.Key, Quantity(g.Sum(w => w.Quantity)))).ToList();
            }
            return new SetOfferStock
            {
                Key = offer.Id, Hash = hash, EntityId = id, Target = target, TargetId = id,
                Quantity = quantities?.Sum(q => q.Quantity) ?? Quantity(total), Warehouses = quantities, Source = offer,
            };
        }, Primary: false, null));
        keys.Add(new(CatalogEntityKind.OfferStock, offer.Id));
        if (target == OfferTarget.Variant)
            _rollUps.Add(productKey);
    }

    private static int Quantity(decimal quantity) =>
        quantity <= 0 ? 0 : quantity >= int.MaxValue ? int.MaxValue : (int)decimal.Floor(quantity);

    private int? FindConfiguredWarehouse(string warehouseId)
    {
        var name = _session.TryGetWarehouse(warehouseId, out var known) ? known.Name : null;
        return (_options.WarehouseMappings.FirstOrDefault(m =>
                    string.Equals(m.Source, warehouseId, StringComparison.OrdinalIgnoreCase))
                ?? (name is null ? null : _options.WarehouseMappings.FirstOrDefault(m =>
                    string.Equals(m.Source, name, StringComparison.OrdinalIgnoreCase))))?.WarehouseId;
    }

    /// <summary>The store warehouse of a 1C warehouse (resolved at flush time), or null when it is not mapped.</summary>
    private async Task<(Func<int?> Id, string Key)?> WarehouseAsync(string warehouseId, CancellationToken ct)
    {
        if (FindConfiguredWarehouse(warehouseId) is { } configured)
            return configured == WarehouseMapping.Ignored ? null : (() => configured, "#" + configured);
        if (_options.CreateWarehouses)
        {
            await EnsureWarehouseAsync(warehouseId, ct);
            return (() => EntityIdOf(CatalogEntityKind.Warehouse, warehouseId), warehouseId);
        }
        Warn(ExchangeMessage.Of(MessageKeys.WarehouseNotMapped, warehouseId));
        return null;
    }

    private async Task EnsureWarehouseAsync(string warehouseId, CancellationToken ct)
    {
        var known = _session.TryGetWarehouse(warehouseId, out var warehouse) ? warehouse : null;
        await EnsureDependencyAsync(new(CatalogEntityKind.Warehouse, warehouseId), (warehouseId, known),
            static w => ExchangeMessage.Of(MessageKeys.LabelWarehouse, w.warehouseId), Stage.Dependencies, static w => new UpsertWarehouse
            {
                Key = w.warehouseId, Name = w.known?.Name ?? w.warehouseId, Address = w.known?.Address,
            }, ct);
    }

    // ---------------------------------------------------------------- flushing

    /// <summary>Sends every buffered item to the store (five stages, one transaction each).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0 && _unchanged.Count == 0)
            return;
        await ResolveAdoptionsAsync(ct);
        await AllocateSlugsAsync(ct);
        foreach (var stage in Stages)
        {
            var staged = new List<StagedCommand>();
            foreach (var pending in _pending)
            {
                foreach (var part in pending.Parts)
                {
                    if (part.Stage != stage || pending.Progress.Failed)
                        continue;
                    if (part.Build() is not { } built)
                        continue;
                    var command = _options.ColumnLimits.Fit(built, Warn);
                    staged.Add(new StagedCommand(pending.Progress, command, outcome => Applied(pending, part, command, outcome)));
                }
            }
            if (stage == Stage.Offers)
                foreach (var productKey in _rollUps)
                {
                    if (EntityIdOf(CatalogEntityKind.Product, productKey) is not { } productId)
                        continue;
                    var progress = new ItemProgress(() => ExchangeMessage.Of(MessageKeys.LabelProductStock, productKey), counted: false);
                    staged.Add(new StagedCommand(progress, new RollUpVariantStock { Key = productKey, ProductId = productId },
                        _ => { }));
                }
            if (stage == Stage.Offers)
                StageProductPricesFromVariants(staged);
            await _writer.ApplyAsync(staged, stage == Stage.Offers ? _unchanged : [], ct);
        }

        foreach (var pending in _pending)
        {
            var progress = pending.Progress;
            if (!progress.Counted || progress.Failed)
                continue;
            if (progress.Changed && pending.Unpublishes)
                _counters.Unpublished++;
            else if (progress.Created)
                _counters.Created++;
            else if (progress.Changed)
                _counters.Updated++;
            else
                _counters.Skipped++;
        }
        _committed = _lastQueued;
        _pending.Clear();
        _pendingItems = 0;
        _pendingKeys.Clear();
        _unchanged.Clear();
        _rollUps.Clear();
        _priceRollUps.Clear();
        _slugRequests.Clear();
        _adoptions.Clear();
        _usedSlugs.Clear(); // now written: the store's check sees them
    }

    /// <summary>Sends what is buffered and reports what the file as a whole gave (offers without a product).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        if (_offersWithoutProduct.TakeWarning() is { } warning)
        {
            _counters.Warnings++;
            _counters.AddMessage(warning);
        }
    }

    /// <summary>
    /// The price of each product whose variants' prices changed: the lowest variant price (see <see cref="VariantPrices"/>),
    /// as the product's own offer price would be set.
    /// </summary>
    private void StageProductPricesFromVariants(List<StagedCommand> staged)
    {
        foreach (var productKey in _priceRollUps)
        {
            if (_pendingKeys.Contains(new(CatalogEntityKind.OfferPrices, productKey))
                || EntityIdOf(CatalogEntityKind.Product, productKey) is not { } productId
                || _variantPrices!.PriceToSet(productKey) is not { } price)
                continue;
            var progress = new ItemProgress(() => ExchangeMessage.Of(MessageKeys.LabelProductPrice, productKey), counted: false);
            var command = new SetOfferPrices
            {
                Key = productKey, Hash = VariantPrices.DerivedHash(price), EntityId = productId, Target = OfferTarget.Product,
                TargetId = productId, Price = price,
            };
            staged.Add(new StagedCommand(progress, command,
                outcome => _maps.Record(CatalogEntityKind.OfferPrices, productKey, outcome.EntityId, command.Hash)));
        }
    }

    private void Applied(Pending pending, Part part, CatalogCommand command, CommandOutcome outcome)
    {
        _maps.Record(command.Kind, command.Key, outcome.EntityId, command.Hash);
        pending.Progress.Changed = true;
        if (part.Primary && outcome.Created)
            pending.Progress.Created = true;
        part.OnApplied?.Invoke(outcome);
    }

    private async Task ResolveAdoptionsAsync(CancellationToken ct)
    {
        if (_adoptions.Count == 0)
            return;
        var found = await _store.FindProductsBySkuAsync(_adoptions.Select(a => a.Sku).Distinct().ToList(), ct);
        var taken = new HashSet<int>(_maps.Loaded(CatalogEntityKind.Product).Values.Select(e => e.EntityId));
        foreach (var adoption in _adoptions)
        {
            // Never adopt a store product that is already mapped to another 1C product.
            if (found.TryGetValue(adoption.Sku, out var id) && taken.Add(id))
                adoption.ProductId = id;
            adoption.Slug.Needed = adoption.ProductId is null;
        }
    }

    private async Task AllocateSlugsAsync(CancellationToken ct)
    {
        var open = _slugRequests.Where(r => r.Needed).ToList();
        for (var round = 0; open.Count > 0; round++)
        {
            var candidates = new Dictionary<string, SlugRequest>(StringComparer.OrdinalIgnoreCase);
            foreach (var request in open)
            {
                var candidate = Candidate(request, round);
                while (_usedSlugs.Contains(candidate) || candidates.ContainsKey(candidate))
                {
                    request.Attempt++;
                    candidate = Candidate(request, round);
                }
                candidates[candidate] = request;
            }
            var taken = await _store.FindTakenSlugsAsync(candidates.Keys.ToList(), ct);
            foreach (var (candidate, request) in candidates)
            {
                if (taken.Contains(candidate))
                {
                    request.Attempt++;
                    continue;
                }
                request.Result = candidate;
                _usedSlugs.Add(candidate);
            }
            open = open.Where(r => r.Result is null).ToList();
        }
    }

    private static string Candidate(SlugRequest request, int round)
    {
        // After many collisions switch to a random suffix instead of counting on.
        var suffix = request.Attempt == 1 ? "" : round < 5 ? "-" + request.Attempt : "-" + Guid.NewGuid().ToString("N")[..8];
        var stem = request.Base.Length + suffix.Length > SlugText.MaxLength
            ? request.Base[..(SlugText.MaxLength - suffix.Length)].TrimEnd('-') : request.Base;
        return stem + suffix;
    }

    // ---------------------------------------------------------------- helpers

    private static Pending NewItem(Func<ExchangeMessage> label, SourceLocation location) =>
        new(new ItemProgress(() => ExchangeMessage.Of(MessageKeys.LabelAt, label(), location.ToString()), counted: true));

    private void Finish(Pending item, List<EntityKey> keys)
    {
        if (item.Parts.Count == 0)
            _counters.Skipped++;
        else
            Enqueue(item, keys.ToArray());
    }

    private void Enqueue(Pending item, params EntityKey[] keys)
    {
        _pending.Add(item);
        if (item.Progress.Counted)
            _pendingItems++;
        foreach (var key in keys)
            _pendingKeys.Add(key);
    }

    private void Unchanged(CatalogEntityKind kind, string key)
    {
        _unchanged.Add(new(kind, key));
        _counters.Skipped++;
    }

    /// <summary>Queues the creation of something an item needs (an option, a manufacturer...) unless it exists or is
    /// already queued; true when it was queued now. The label and command are built only then.</summary>
    private async ValueTask<bool> EnsureDependencyAsync<TState>(EntityKey key, TState state, Func<TState, ExchangeMessage> label,
        Stage stage, Func<TState, CatalogCommand?> build, CancellationToken ct)
    {
        var map = await _maps.GetAsync(_store, key.Kind, ct);
        if (map.ContainsKey(key.Key) || _pendingKeys.Contains(key))
            return false;
        var item = new Pending(new ItemProgress(() => label(state), counted: false));
        item.Parts.Add(new Part(stage, () => build(state), Primary: true, null));
        Enqueue(item, key);
        return true;
    }

    private async ValueTask<bool> KnownAsync(EntityKey key, CancellationToken ct) =>
        (await _maps.GetAsync(_store, key.Kind, ct)).ContainsKey(key.Key) || _pendingKeys.Contains(key);

    private SlugRequest RequestSlug(string name, string fallback)
    {
        var request = new SlugRequest(SlugText.From(name, fallback));
        _slugRequests.Add(request);
        return request;
    }

    private int? EntityIdOf(CatalogEntityKind kind, string key) => EntityIdOf(_maps.Loaded(kind), key);

    private static int? EntityIdOf(Dictionary<string, MappedEntity> map, string key) =>
        map.TryGetValue(key, out var entry) ? entry.EntityId : null;

    private static bool IsValue(string text) =>
        text.Length > 0 && text != "00000000-0000-0000-0000-000000000000";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Warn(ExchangeMessage message)
    {
        // Repeats of a message are counted once; the set stays bounded on files with many distinct warnings.
        if (_warned.Contains(message) || (_warned.Count < 10_000 && !_warned.Add(message)))
            return;
        _counters.Warnings++;
        _counters.AddMessage(message);
    }
}
