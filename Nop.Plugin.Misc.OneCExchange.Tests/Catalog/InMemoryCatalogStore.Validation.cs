using OneCExchange.Core.Catalog;

namespace OneCExchange.Tests.Catalog;

/// <summary>What the fake store refuses before it writes a batch, as the real store's database would.</summary>
public sealed partial class InMemoryCatalogStore
{
    private void Validate(CatalogCommand command)
    {
        if (FailWhen?.Invoke(command) == true)
            throw new InvalidOperationException($"simulated database error on {command}");
        // The real store inserts the mapping row of an unmapped key without a lookup: a row already there is a duplicate key.
        if (command.Unmapped && Mappings.ContainsKey((command.Kind, command.Key)))
            throw new InvalidOperationException($"duplicate mapping row: {command} was sent as unmapped");
        void Exists<T>(Dictionary<int, T> table, int? id, string what)
        {
            if (id is { } value && value != 0 && !table.ContainsKey(value))
                throw new InvalidOperationException($"{what} {value} does not exist ({command})");
        }
        switch (command)
        {
            case UpsertCategory c:
                Exists(Categories, c.EntityId, "category");
                Exists(Categories, c.ParentCategoryId, "parent category");
                RequireSlug(c.EntityId, c.Slug, command);
                break;
            case UpsertSpecificationOption o:
                Exists(SpecificationAttributes, o.SpecificationAttributeId, "specification attribute");
                break;
            case UpsertManufacturer m:
                RequireSlug(m.EntityId, m.Slug, command);
                break;
            case UpsertProduct p:
                Exists(Products, p.EntityId, "product");
                if (p.EntityId is null && string.IsNullOrEmpty(p.Name))
                    throw new InvalidOperationException("a new product needs a name");
                RequireSlug(p.EntityId, p.Slug, command);
                foreach (var id in p.CategoryIds ?? [])
                    Exists(Categories, id, "category");
                foreach (var spec in p.Specifications ?? [])
                    Exists(SpecificationOptions, spec.OptionId, "option");
                Exists(Manufacturers, p.ManufacturerId, "manufacturer");
                Exists(TaxCategories, p.TaxCategoryId, "tax category");
                foreach (var picture in p.Pictures ?? [])
                    if (picture.Action != PictureAction.Add)
                        Exists(Pictures, picture.PictureId, "picture");
                break;
            case UpsertVariant v:
                Exists(Products, v.ProductId, "product");
                Exists(Combinations, v.EntityId, "combination");
                break;
            case SetOfferPrices { Target: OfferTarget.Product } prices:
                Exists(Products, prices.TargetId, "product");
                break;
            case SetOfferPrices prices:
                Exists(Combinations, prices.TargetId, "combination");
                break;
            case SetOfferStock { Target: OfferTarget.Product } stock:
                Exists(Products, stock.TargetId, "product");
                foreach (var w in stock.Warehouses ?? [])
                    Exists(Warehouses, w.WarehouseId, "warehouse");
                break;
            case SetOfferStock stock:
                Exists(Combinations, stock.TargetId, "combination");
                break;
            case RollUpVariantStock rollUp:
                Exists(Products, rollUp.ProductId, "product");
                break;
        }
    }

    private void RequireSlug(int? entityId, string? slug, CatalogCommand command)
    {
        if (entityId is null && string.IsNullOrEmpty(slug))
            throw new InvalidOperationException($"a new entity needs a slug ({command})");
        if (slug != null && Slugs.ContainsKey(slug))
            throw new InvalidOperationException($"slug {slug} is taken ({command})");
    }
}
