using NUnit.Framework;
using Nop.Core.Domain.Catalog;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class VariantStoreTests
{
    [Test]
    public async Task Characteristics_become_attributes_values_and_a_combination_with_its_own_SKU()
    {
        var h = new StoreHarness();
        var productId = await h.IdOf(new UpsertProduct { Key = "p", Name = "Куртка" });

        var result = await h.ApplyAsync(
            new UpsertVariant { Key = "p#1", ProductId = productId, Sku = "K-XL-RED", Attributes = [new("Размер", "XL"), new("Цвет", "Красный")] },
            new UpsertVariant { Key = "p#2", ProductId = productId, Sku = "K-L-RED", Attributes = [new("Размер", "L"), new("Цвет", "Красный")] });

        Assert.That(result.Outcomes.Select(o => o.Created), Is.All.True);
        Assert.That(h.Db.Rows<ProductAttribute>().Select(a => a.Name), Is.EquivalentTo(new[] { "Размер", "Цвет" }));
        var mappings = h.Db.Rows<ProductAttributeMapping>();
        Assert.That(mappings, Has.Count.EqualTo(2).And.All.Property("ProductId").EqualTo(productId));
        Assert.That(mappings.Select(m => m.AttributeControlTypeId), Is.All.EqualTo((int)AttributeControlType.DropdownList));
        Assert.That(h.Db.Rows<ProductAttributeValue>().Select(v => v.Name), Is.EquivalentTo(new[] { "XL", "L", "Красный" }), "a shared value is created once");

        var xl = h.Row<ProductAttributeCombination>(result.Outcomes[0].EntityId);
        Assert.That(xl.Sku, Is.EqualTo("K-XL-RED"));
        var values = h.Db.Rows<ProductAttributeValue>().ToDictionary(v => v.Id);
        var attributes = h.Db.Rows<ProductAttribute>().ToDictionary(a => a.Id);
        var decoded = FakeProductAttributeParser.Parse(xl.AttributesXml)
            .Select(x => (attributes[mappings.Single(m => m.Id == x.MappingId).ProductAttributeId].Name, values[x.ValueId].Name));
        Assert.That(decoded, Is.EquivalentTo(new[] { ("Размер", "XL"), ("Цвет", "Красный") }));
        Assert.That(h.Row<Product>(productId).ManageInventoryMethodId, Is.EqualTo((int)ManageInventoryMethod.ManageStockByAttributes));
        Assert.That(h.Mapping(CatalogEntityKind.Variant, "p#1")!.EntityId, Is.EqualTo(xl.Id));
    }

    [Test]
    public async Task Variant_stock_and_price_go_to_the_combination_and_the_product_stock_is_their_sum()
    {
        var h = new StoreHarness();
        var productId = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });
        var variants = await h.ApplyAsync(
            new UpsertVariant { Key = "p#1", ProductId = productId, Attributes = [new("Размер", "S")] },
            new UpsertVariant { Key = "p#2", ProductId = productId, Attributes = [new("Размер", "M")] });
        var (s, m) = (variants.Outcomes[0].EntityId, variants.Outcomes[1].EntityId);

        await h.ApplyAsync(
            new SetOfferStock { Key = "p#1", Target = OfferTarget.Variant, TargetId = s, Quantity = 3 },
            new SetOfferStock { Key = "p#2", Target = OfferTarget.Variant, TargetId = m, Quantity = 4 },
            new SetOfferPrices { Key = "p#2", Target = OfferTarget.Variant, TargetId = m, Price = 990m },
            new RollUpVariantStock { Key = "p", ProductId = productId });

        Assert.That((h.Row<ProductAttributeCombination>(s).StockQuantity, h.Row<ProductAttributeCombination>(m).StockQuantity), Is.EqualTo((3, 4)));
        Assert.That(h.Row<ProductAttributeCombination>(m).OverriddenPrice, Is.EqualTo(990m));
        Assert.That(h.Row<Product>(productId).StockQuantity, Is.EqualTo(3 + 4));

        await h.ApplyAsync(new SetOfferStock { Key = "p#1", Target = OfferTarget.Variant, TargetId = s, Quantity = 0 },
            new RollUpVariantStock { Key = "p", ProductId = productId });
        Assert.That(h.Row<Product>(productId).StockQuantity, Is.EqualTo(4));
    }

    [Test]
    public async Task A_variant_1C_deleted_gets_no_stock_and_no_backorders()
    {
        var h = new StoreHarness();
        var productId = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });
        var id = await h.IdOf(new UpsertVariant { Key = "p#1", ProductId = productId, Attributes = [new("Размер", "S")] });
        await h.ApplyAsync(new SetOfferStock { Key = "p#1", Target = OfferTarget.Variant, TargetId = id, Quantity = 5 });

        await h.ApplyAsync(new UnpublishEntity { Key = "p#1", EntityKind = CatalogEntityKind.Variant, EntityId = id });

        var combination = h.Row<ProductAttributeCombination>(id);
        Assert.That((combination.StockQuantity, combination.AllowOutOfStockOrders), Is.EqualTo((0, false)));
    }

    [Test]
    public async Task A_changed_characteristic_updates_the_combination_in_place()
    {
        var h = new StoreHarness();
        var productId = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });
        var id = await h.IdOf(new UpsertVariant { Key = "p#1", ProductId = productId, Attributes = [new("Размер", "S")] });

        await h.ApplyAsync(new UpsertVariant { Key = "p#1", EntityId = id, ProductId = productId, Sku = "NEW", Attributes = [new("Размер", "XS")] });

        Assert.That(h.Db.Rows<ProductAttributeCombination>(), Has.Count.EqualTo(1));
        var combination = h.Row<ProductAttributeCombination>(id);
        var valueId = FakeProductAttributeParser.Parse(combination.AttributesXml).Single().ValueId;
        Assert.That((combination.Sku, h.Row<ProductAttributeValue>(valueId).Name), Is.EqualTo(("NEW", "XS")));
    }
}
