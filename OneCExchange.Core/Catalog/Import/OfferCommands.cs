using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>Where an offer's prices and stock go: the product itself or one of its variants (resolved at flush time).</summary>
internal sealed record OfferTargetRef(OfferTarget Target, Func<int?> Id, string ProductKey);

/// <summary>
/// The offers, prices and rests files' offers as commands: the variant an offer with a characteristic defines, its
/// prices routed by price type, its stock (per warehouse when warehouses are mapped), and a product made from the
/// offer when the store has none and the settings allow it.
/// </summary>
internal sealed class OfferCommands(ImportContext context, BatchFlusher flusher, VariantCommands variants,
    OfferStockCommands stock)
{
    private readonly PriceRouter _prices = new(context.Options, context.Session);
    private readonly OffersWithoutProduct _offersWithoutProduct = new();

    private ImportBatch Batch => context.Batch;
    private CatalogImportOptions Options => context.Options;

    public async Task AddAsync(Offer offer, CancellationToken ct)
    {
        var productKey = offer.ProductId;
        if (Batch.Contains(CatalogEntityKind.Product, productKey) || Batch.Contains(CatalogEntityKind.Variant, offer.Id)
            || Batch.Contains(CatalogEntityKind.OfferPrices, offer.Id) || Batch.Contains(CatalogEntityKind.OfferStock, offer.Id))
            await flusher.FlushAsync(ct);
        var products = await context.MapAsync(CatalogEntityKind.Product, ct);
        var variantMap = await context.MapAsync(CatalogEntityKind.Variant, ct);
        var priceMap = await context.MapAsync(CatalogEntityKind.OfferPrices, ct);
        var stockMap = await context.MapAsync(CatalogEntityKind.OfferStock, ct);
        context.VariantPrices ??= new VariantPrices(priceMap,
            key => variantMap.TryGetValue(key, out var v) && v.Hash == ImportContext.DeletedHash);
        var item = PendingItem.Of(() => offer.Name is null
            ? ExchangeMessage.Of(MessageKeys.LabelOffer, offer.Id)
            : ExchangeMessage.Of(MessageKeys.LabelOfferNamed, offer.Id, offer.Name), offer.Location);
        var keys = new List<EntityKey>();
        if (!products.ContainsKey(productKey) && !AddProductFromOfferPart(item, keys, offer))
        {
            context.Counters.Skipped++;
            return;
        }
        if (TargetOf(item, keys, offer, variantMap) is not { } target)
            return;

        if (offer.HasPrices && offer.Prices.Count > 0 && (Options.UpdateProductPrices || !priceMap.ContainsKey(offer.Id)))
            AddPricesPart(item, keys, priceMap, offer, target);

        // A product with variants shows the sum of their stock (rolled up), whatever its own offer says.
        var isVariant = target.Target == OfferTarget.Variant;
        var hasStock = offer.HasStock || (offer.IsDeleted && !isVariant);
        if (!isVariant && variants.HasVariants(productKey, variantMap))
            hasStock = false;
        if (hasStock && (Options.UpdateProductStock || !stockMap.ContainsKey(offer.Id)))
            await stock.AddPartAsync(item, keys, stockMap, offer, target, ct);

        Batch.Finish(item, keys);
    }

    /// <summary>Sends what the file as a whole gave: how many offers had no product.</summary>
    public void Complete()
    {
        if (_offersWithoutProduct.TakeWarning() is { } warning)
        {
            context.Counters.Warnings++;
            context.Counters.AddMessage(warning);
        }
    }

    /// <summary>
    /// Where the offer's prices and stock go; for an offer with a characteristic, its variant part is added first. Null
    /// when the item is done (a deleted variant, or an offer 1C deleted earlier in the session).
    /// </summary>
    private OfferTargetRef? TargetOf(PendingItem item, List<EntityKey> keys, Offer offer,
        Dictionary<string, MappedEntity> variantMap)
    {
        var productKey = offer.ProductId;
        if (offer.CharacteristicId == null)
            return new(OfferTarget.Product, () => context.EntityIdOf(CatalogEntityKind.Product, productKey), productKey);
        var attributes = offer.Characteristics.Count > 0 ? offer.Characteristics
            : offer.PropertyValues.Select(v => new Characteristic(v.PropertyId, v.PropertyName ?? v.PropertyId,
                string.Join(", ", v.Values.Select(x => x.Text.Trim()).Where(ImportContext.IsValue)))).ToList();
        var hasDefinition = attributes.Count > 0 || offer.Sku != null || offer.Barcode != null;
        var known = variantMap.ContainsKey(offer.Id);
        if (offer.IsDeleted && !known)
            context.Session.MarkDeletedOffer(offer.Id);
        else if (!hasDefinition && !known && context.Session.IsDeletedOffer(offer.Id))
        {
            // 1C deleted this offer earlier in the session (offers file): its prices or rests must not create it.
            context.Counters.Skipped++;
            return null;
        }
        if (hasDefinition || !known || offer.IsDeleted)
            variants.AddPart(item, keys, variantMap, new VariantDefinition(offer.Id, productKey, offer.IsDeleted,
                attributes, offer.Sku, offer.Barcode, offer.Name, offer));
        if (offer.IsDeleted)
        {
            Batch.Finish(item, keys);
            return null;
        }
        return new(OfferTarget.Variant, () => ImportContext.EntityIdOf(variantMap, offer.Id), productKey);
    }

    /// <summary>
    /// A product for an offer whose product the store does not have (setting CreateProductsFromOffers): named after the
    /// offer (a variant's name without its characteristic in parentheses), with the offer's SKU and barcode when the
    /// offer is the product itself. A later catalog brings the rest (its hash differs, so it updates the product).
    /// False when the offer is skipped instead.
    /// </summary>
    private bool AddProductFromOfferPart(PendingItem item, List<EntityKey> keys, Offer offer)
    {
        if (offer.IsDeleted)
            return false;
        if (!Options.CreateProductsFromOffers)
        {
            _offersWithoutProduct.Add(offer.Id);
            return false;
        }
        var isVariant = offer.CharacteristicId != null;
        var name = ImportContext.Blank(offer.Name) ?? offer.ProductId;
        if (isVariant && name.EndsWith(')') && name.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var cut)
            name = name[..cut];
        var slug = context.Slugs.Request(name, "product");
        item.Parts.Add(new ImportPart(ImportStage.Main, () => new UpsertProduct
        {
            Key = offer.ProductId,
            Hash = ImportContext.ProductFromOfferHash,
            Name = name,
            Sku = isVariant ? null : ImportContext.Blank(offer.Sku),
            Gtin = isVariant ? null : ImportContext.Blank(offer.Barcode),
            ShortDescription = "",
            FullDescription = "",
            Published = Options.PublishNewProducts,
            Slug = slug.Result,
            Defaults = ImportContext.SellableDefaults,
        }, Primary: true));
        keys.Add(new(CatalogEntityKind.Product, offer.ProductId));
        return true;
    }

    private void AddPricesPart(PendingItem item, List<EntityKey> keys, Dictionary<string, MappedEntity> priceMap,
        Offer offer, OfferTargetRef target)
    {
        var warnings = new List<ExchangeMessage>();
        var routed = _prices.Route(offer, warnings);
        foreach (var warning in warnings)
            context.Warnings.Warn(warning);
        var isVariant = target.Target == OfferTarget.Variant;
        if (isVariant)
            routed = routed with { OldPrice = null, ProductCost = null, Tiers = [] };
        if (routed.IsEmpty)
            return;
        var roles = isVariant ? [] : _prices.TierRoles;
        var hash = PricesHash(target.Target, routed, roles);
        priceMap.TryGetValue(offer.Id, out var entry);
        if (entry != null && entry.Hash == hash)
        {
            Batch.MarkUnchanged(CatalogEntityKind.OfferPrices, offer.Id);
            return;
        }
        if (isVariant && routed.Price is { } variantPrice)
        {
            context.VariantPrices!.Note(offer.Id, variantPrice);
            Batch.PriceRollUps.Add(target.ProductKey);
        }
        item.Parts.Add(new ImportPart(ImportStage.Offers, () => target.Id() is { } id
            ? new SetOfferPrices
            {
                Key = offer.Id, Hash = hash, EntityId = id, Target = target.Target, TargetId = id, Price = routed.Price,
                OldPrice = routed.OldPrice, ProductCost = routed.ProductCost, TierPrices = routed.Tiers,
                ManagedTierRoles = roles, Source = offer,
            }
            : null, Primary: false));
        keys.Add(new(CatalogEntityKind.OfferPrices, offer.Id));
    }

    private string PricesHash(OfferTarget target, RoutedPrices routed, IReadOnlyList<string> roles)
    {
        var hash = context.Hash;
        hash.Add((int)target).Add(routed.Price).Add(routed.OldPrice).Add(routed.ProductCost).Add(routed.Tiers.Count);
        foreach (var tier in routed.Tiers)
            hash.Add(tier.CustomerRoleSystemName).Add(tier.Price);
        foreach (var role in roles)
            hash.Add(role);
        var result = hash.Finish();
        return target == OfferTarget.Variant ? VariantPrices.VariantHash(result, routed.Price) : result;
    }
}
