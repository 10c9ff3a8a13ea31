using System.Runtime.CompilerServices;
using OneCExchange.Core.Catalog;

namespace OneCExchange.Tests.Catalog;

/// <summary>
/// A fake of the plugin's catalog store that keeps entities the way nopCommerce would (categories with parents,
/// products with their fields, specifications, pictures, combinations, prices, tier prices, stock per warehouse,
/// published flags, SEO slugs) so that tests assert what a shop owner would see.
/// A batch is atomic: every command is validated before anything is written, and <see cref="FailWhen"/> lets a test
/// make a command fail like a database error would.
/// </summary>
public sealed partial class InMemoryCatalogStore : ICatalogStore
{
    private int _nextId = 1;

    public Dictionary<int, Category> Categories { get; } = [];
    public Dictionary<int, SpecificationAttribute> SpecificationAttributes { get; } = [];
    public Dictionary<int, SpecificationOption> SpecificationOptions { get; } = [];
    public Dictionary<int, Named> Manufacturers { get; } = [];
    public Dictionary<int, Named> TaxCategories { get; } = [];
    public Dictionary<int, Named> Warehouses { get; } = [];
    public Dictionary<int, Picture> Pictures { get; } = [];
    public Dictionary<int, Product> Products { get; } = [];
    public Dictionary<int, Combination> Combinations { get; } = [];
    /// <summary>Slug → (entity name, id), like nopCommerce's UrlRecord table.</summary>
    public Dictionary<string, (string Entity, int Id)> Slugs { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<(CatalogEntityKind Kind, string Key), MappingRow> Mappings { get; } = [];

    /// <summary>Picture binaries written (added or replaced).</summary>
    public int PictureUploads { get; private set; }
    public int Batches { get; private set; }

    /// <summary>A command matching this fails the whole batch it is in (as a database error would).</summary>
    public Func<CatalogCommand, bool>? FailWhen { get; set; }

    /// <summary>Called before every batch (e.g. to simulate a lost request by cancelling).</summary>
    public Action<CatalogBatch>? BeforeBatch { get; set; }

    // ------------------------------------------------------------------------ lookups for tests

    public int? EntityId(CatalogEntityKind kind, string key) =>
        Mappings.TryGetValue((kind, key), out var row) ? row.EntityId : null;

    public Product ProductOf(string key) => Products[EntityId(CatalogEntityKind.Product, key)
        ?? throw new KeyNotFoundException("no product mapped for " + key)];

    public Category CategoryOf(string key) => Categories[EntityId(CatalogEntityKind.Category, key)
        ?? throw new KeyNotFoundException("no category mapped for " + key)];

    public Combination CombinationOf(string offerId) => Combinations[EntityId(CatalogEntityKind.Variant, offerId)
        ?? throw new KeyNotFoundException("no combination mapped for " + offerId)];

    public string? SlugOf(string entity, int id) =>
        Slugs.Where(s => s.Value == (entity, id)).Select(s => s.Key).FirstOrDefault();

    /// <summary>Specifications of a product as (attribute name, value) pairs in display order.</summary>
    public List<(string Attribute, string Value)> SpecificationsOf(Product product) =>
        product.Specifications.OrderBy(s => s.DisplayOrder).Select(s =>
        {
            var option = SpecificationOptions[s.OptionId];
            return (SpecificationAttributes[option.AttributeId].Name, s.CustomValue ?? option.Name);
        }).ToList();

    public int AddExistingProduct(string name, string sku)
    {
        var product = new Product { Id = _nextId++, Name = name, Sku = sku, Published = true };
        Products[product.Id] = product;
        return product.Id;
    }

    public void ReserveSlug(string slug) => Slugs[slug] = ("Topic", _nextId++);

    // ------------------------------------------------------------------------ the port

    /// <summary>How many times each kind's mapping rows were read.</summary>
    public Dictionary<CatalogEntityKind, int> MappingReads { get; } = [];

    public async IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        MappingReads[kind] = MappingReads.GetValueOrDefault(kind) + 1;
        await Task.Yield();
        foreach (var ((rowKind, key), row) in Mappings.ToList())
            if (rowKind == kind)
                yield return new EntityMapping(key, row.EntityId, row.Hash);
    }

    public Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(slugs.Where(Slugs.ContainsKey).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken)
    {
        var wanted = skus.ToHashSet(StringComparer.OrdinalIgnoreCase);
        IReadOnlyDictionary<string, int> found = Products.Values.Where(p => p.Sku != null && wanted.Contains(p.Sku))
            .GroupBy(p => p.Sku!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(found);
    }

    public Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
        CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var ((kind, _), row) in Mappings)
        {
            if (!kinds.Contains(kind) || row.LastSessionId == sessionId)
                continue;
            var published = kind switch
            {
                CatalogEntityKind.Category when Categories.TryGetValue(row.EntityId, out var c) && c.Published =>
                    (Action)(() => c.Published = false),
                CatalogEntityKind.Product when Products.TryGetValue(row.EntityId, out var p) && p.Published =>
                    () => p.Published = false,
                _ => null,
            };
            if (published is null)
                continue;
            published();
            row.Hash = null;
            count++;
        }
        return Task.FromResult(count);
    }

    /// <summary>Off to test a store that cannot count (the port's default).</summary>
    public bool CanCountSeen { get; set; } = true;

    public Task<int?> CountSeenAsync(string sessionId, CatalogEntityKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(CanCountSeen
            ? Mappings.Count(m => m.Key.Kind == kind && m.Value.LastSessionId == sessionId)
            : (int?)null);

    public Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken)
    {
        BeforeBatch?.Invoke(batch);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var command in batch.Commands)
            Validate(command);
        Batches++;
        var outcomes = new List<CommandOutcome>(batch.Commands.Count);
        foreach (var command in batch.Commands)
        {
            var outcome = Apply(command);
            outcomes.Add(outcome);
            if (command is not RollUpVariantStock)
                Remember(command.Kind, command.Key, outcome.EntityId, command.Hash, batch.SessionId);
        }
        foreach (var key in batch.Unchanged)
            if (Mappings.TryGetValue((key.Kind, key.Key), out var row))
                row.LastSessionId = batch.SessionId;
        return Task.FromResult(new CatalogBatchResult(outcomes));
    }

    private void Remember(CatalogEntityKind kind, string key, int entityId, string? hash, string sessionId)
    {
        if (!Mappings.TryGetValue((kind, key), out var row))
            Mappings[(kind, key)] = row = new MappingRow();
        row.EntityId = entityId;
        row.Hash = hash;
        row.LastSessionId = sessionId;
    }

    private CommandOutcome Apply(CatalogCommand command)
    {
        switch (command)
        {
            case UpsertCategory c:
            {
                var created = c.EntityId is null;
                var category = created ? new Category { Id = _nextId++ } : Categories[c.EntityId!.Value];
                Categories[category.Id] = category;
                category.Name = c.Name;
                if (c.Description != null)
                    category.Description = c.Description;
                category.ParentCategoryId = c.ParentCategoryId;
                category.DisplayOrder = c.DisplayOrder;
                category.Published = c.Published;
                if (c.Slug != null)
                    Slugs[c.Slug] = ("Category", category.Id);
                return new CommandOutcome(category.Id, created);
            }
            case UpsertSpecificationAttribute a:
            {
                var attribute = a.EntityId is { } id ? SpecificationAttributes[id] : new SpecificationAttribute { Id = _nextId++ };
                SpecificationAttributes[attribute.Id] = attribute;
                attribute.Name = a.Name;
                return new CommandOutcome(attribute.Id, a.EntityId is null);
            }
            case UpsertSpecificationOption o:
            {
                var option = o.EntityId is { } id ? SpecificationOptions[id] : new SpecificationOption { Id = _nextId++ };
                SpecificationOptions[option.Id] = option;
                option.AttributeId = o.SpecificationAttributeId;
                option.Name = o.Name;
                option.DisplayOrder = o.DisplayOrder;
                return new CommandOutcome(option.Id, o.EntityId is null);
            }
            case UpsertManufacturer m:
            {
                var id = m.EntityId ?? _nextId++;
                Manufacturers[id] = new Named(id, m.Name);
                if (m.Slug != null)
                    Slugs[m.Slug] = ("Manufacturer", id);
                return new CommandOutcome(id, m.EntityId is null);
            }
            case UpsertTaxCategory t:
            {
                var existing = TaxCategories.Values.FirstOrDefault(x => x.Name == t.Name);
                var id = t.EntityId ?? existing?.Id ?? _nextId++;
                TaxCategories[id] = new Named(id, t.Name);
                return new CommandOutcome(id, t.EntityId is null && existing is null);
            }
            case UpsertWarehouse w:
            {
                var id = w.EntityId ?? _nextId++;
                Warehouses[id] = new Named(id, w.Name);
                return new CommandOutcome(id, w.EntityId is null);
            }
            case UpsertProduct p:
                return ApplyProduct(p);
            case UpsertVariant v:
            {
                var combination = v.EntityId is { } id ? Combinations[id] : new Combination { Id = _nextId++, ProductId = v.ProductId };
                Combinations[combination.Id] = combination;
                combination.Attributes = v.Attributes.ToList();
                combination.Sku = v.Sku;
                combination.Gtin = v.Gtin;
                combination.Available = v.Available;
                Products[v.ProductId].ManageStockByAttributes = true;
                return new CommandOutcome(combination.Id, v.EntityId is null);
            }
            case SetOfferPrices { Target: OfferTarget.Product } prices:
            {
                var product = Products[prices.TargetId];
                if (prices.Price is { } price) product.Price = price;
                if (prices.OldPrice is { } old) product.OldPrice = old;
                if (prices.ProductCost is { } cost) product.ProductCost = cost;
                product.TierPrices.RemoveAll(t => prices.ManagedTierRoles.Contains(t.Role));
                product.TierPrices.AddRange(prices.TierPrices.Select(t => new Tier(t.CustomerRoleSystemName, t.Price)));
                return new CommandOutcome(product.Id, false);
            }
            case SetOfferPrices prices:
                Combinations[prices.TargetId].OverriddenPrice = prices.Price;
                return new CommandOutcome(prices.TargetId, false);
            case SetOfferStock { Target: OfferTarget.Product } stock:
            {
                var product = Products[stock.TargetId];
                product.UseMultipleWarehouses = stock.Warehouses != null;
                product.WarehouseStock = stock.Warehouses?.ToDictionary(w => w.WarehouseId, w => w.Quantity) ?? [];
                product.StockQuantity = stock.Quantity;
                return new CommandOutcome(product.Id, false);
            }
            case SetOfferStock stock:
                Combinations[stock.TargetId].StockQuantity = stock.Quantity;
                return new CommandOutcome(stock.TargetId, false);
            case RollUpVariantStock rollUp:
                Products[rollUp.ProductId].StockQuantity =
                    Combinations.Values.Where(c => c.ProductId == rollUp.ProductId).Sum(c => c.StockQuantity);
                return new CommandOutcome(rollUp.ProductId, false);
            case UnpublishEntity { EntityKind: CatalogEntityKind.Category } u:
                Categories[u.EntityId!.Value].Published = false;
                return new CommandOutcome(u.EntityId.Value, false);
            case UnpublishEntity { EntityKind: CatalogEntityKind.Product } u:
                Products[u.EntityId!.Value].Published = false;
                return new CommandOutcome(u.EntityId.Value, false);
            case UnpublishEntity { EntityKind: CatalogEntityKind.Variant } u:
                Combinations[u.EntityId!.Value].StockQuantity = 0;
                Combinations[u.EntityId.Value].Available = false;
                return new CommandOutcome(u.EntityId.Value, false);
            default:
                throw new NotSupportedException(command.GetType().Name);
        }
    }

    private CommandOutcome ApplyProduct(UpsertProduct p)
    {
        var created = p.EntityId is null;
        var product = created ? new Product { Id = _nextId++ } : Products[p.EntityId!.Value];
        Products[product.Id] = product;
        if (p.Name != null) product.Name = p.Name;
        if (p.Sku != null) product.Sku = p.Sku;
        if (p.Gtin != null) product.Gtin = p.Gtin;
        if (p.ShortDescription != null) product.ShortDescription = p.ShortDescription;
        if (p.FullDescription != null) product.FullDescription = p.FullDescription;
        if (p.Weight is { } weight) product.Weight = weight;
        if (p.ManufacturerId is { } manufacturer) product.ManufacturerIds = [manufacturer];
        if (p.TaxCategoryId is { } tax) product.TaxCategoryId = tax;
        if (p.CategoryIds != null) product.CategoryIds = p.CategoryIds.ToList();
        if (p.Specifications != null)
            product.Specifications = p.Specifications
                .Select(s => new Specification(s.OptionId, s.CustomValue, s.AllowFiltering, s.DisplayOrder)).ToList();
        if (p.Published is { } published) product.Published = published;
        if (p.Slug != null) Slugs[p.Slug] = ("Product", product.Id);
        if (p.Defaults is { } d)
        {
            product.OrderMinimumQuantity = d.OrderMinimumQuantity;
            product.OrderMaximumQuantity = d.OrderMaximumQuantity;
            product.VisibleIndividually = d.VisibleIndividually;
            product.ManageInventory = d.ManageInventory;
        }
        product.Source = p.Source;

        List<int>? pictureIds = null;
        foreach (var removed in p.RemovedPictureIds)
        {
            Pictures.Remove(removed);
            product.PictureIds.Remove(removed);
            foreach (var key in Mappings.Where(m => m.Key.Kind == CatalogEntityKind.Picture && m.Value.EntityId == removed)
                         .Select(m => m.Key).ToList())
                Mappings.Remove(key);
        }
        if (p.Pictures != null)
        {
            pictureIds = [];
            foreach (var sent in p.Pictures)
            {
                var picture = sent.Action == PictureAction.Add ? new Picture { Id = _nextId++ } : Pictures[sent.PictureId!.Value];
                Pictures[picture.Id] = picture;
                if (sent.Action != PictureAction.Keep)
                {
                    PictureUploads++;
                    picture.SourceFile = sent.FilePath;
                    picture.ContentHash = sent.ContentHash;
                    picture.MimeType = sent.MimeType;
                }
                picture.SeoFileName = sent.SeoFileName;
                picture.Caption = sent.Caption;
                pictureIds.Add(picture.Id);
                Remember(CatalogEntityKind.Picture, sent.Key, picture.Id, sent.ContentHash, "");
            }
            product.PictureIds = pictureIds.ToList();
        }
        return new CommandOutcome(product.Id, created, pictureIds);
    }
}
