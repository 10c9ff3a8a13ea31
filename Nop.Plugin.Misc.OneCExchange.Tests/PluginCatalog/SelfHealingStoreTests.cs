using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Media;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.PluginCatalog.Fakes;
using NopProductPicture = Nop.Core.Domain.Catalog.ProductPicture;
using ProductPicture = OneCExchange.Core.Catalog.ProductPicture;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>Entities a shop owner deleted in the admin come back when 1C sends them again, instead of failing forever.</summary>
public class SelfHealingStoreTests
{
    [Test]
    public async Task A_deleted_specification_option_is_created_again_and_remapped()
    {
        var h = new StoreHarness();
        var attribute = await h.IdOf(new UpsertSpecificationAttribute { Key = "a", Name = "A" });
        var option = await h.IdOf(new UpsertSpecificationOption { Key = "a/1", SpecificationAttributeId = attribute, Name = "Red" });
        await h.Db.Table<SpecificationAttributeOption>().DeleteAsync([h.Row<SpecificationAttributeOption>(option)]);

        var result = await h.ApplyAsync(new UpsertSpecificationOption { Key = "a/1", EntityId = option, SpecificationAttributeId = attribute, Name = "Red" });

        Assert.That(result.Outcomes[0].Created, Is.True);
        Assert.That(result.Outcomes[0].EntityId, Is.Not.EqualTo(option));
        Assert.That(h.Row<SpecificationAttributeOption>(result.Outcomes[0].EntityId).Name, Is.EqualTo("Red"));
        Assert.That(h.Mapping(CatalogEntityKind.SpecificationOption, "a/1")!.EntityId, Is.EqualTo(result.Outcomes[0].EntityId));
    }

    [Test]
    public async Task A_deleted_attribute_combination_is_created_again()
    {
        var h = new StoreHarness();
        var product = await h.IdOf(new UpsertProduct { Key = "p", Name = "P" });
        var combination = await h.IdOf(new UpsertVariant { Key = "p#1", ProductId = product, Sku = "S1", Attributes = [new("Размер", "S")] });
        await h.Db.Table<ProductAttributeCombination>().DeleteAsync([h.Row<ProductAttributeCombination>(combination)]);

        var result = await h.ApplyAsync(new UpsertVariant { Key = "p#1", EntityId = combination, ProductId = product, Sku = "S1", Attributes = [new("Размер", "S")] });

        Assert.That(result.Outcomes[0].Created, Is.True);
        Assert.That(h.Db.Rows<ProductAttributeCombination>().Single().Sku, Is.EqualTo("S1"));
    }

    [Test]
    public async Task A_deleted_picture_is_uploaded_again()
    {
        var h = new StoreHarness();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, [7, 7, 7]);
            ProductPicture Picture(PictureAction action, int? id) => new(action, "p|a.jpg", id, file, "a.jpg", "hash", "image/jpeg", "p", 0, null);
            var first = await h.ApplyAsync(new UpsertProduct { Key = "p", Name = "P", Pictures = [Picture(PictureAction.Add, null)] });
            var (productId, pictureId) = (first.Outcomes[0].EntityId, first.Outcomes[0].PictureIds![0]);
            await h.Db.Table<NopProductPicture>().DeleteAsync(pp => pp.PictureId == pictureId);
            await h.Db.Table<Picture>().DeleteAsync(p => p.Id == pictureId);

            var again = await h.ApplyAsync(new UpsertProduct { Key = "p", EntityId = productId, Pictures = [Picture(PictureAction.Keep, pictureId)] });

            var newId = again.Outcomes[0].PictureIds![0];
            Assert.That(newId, Is.Not.EqualTo(pictureId));
            Assert.That(h.Db.Rows<NopProductPicture>().Select(pp => (pp.ProductId, pp.PictureId)), Is.EqualTo(new[] { (productId, newId) }));
            Assert.That(h.Pictures.Binaries[newId], Is.EqualTo(new byte[] { 7, 7, 7 }));
            Assert.That(h.Mapping(CatalogEntityKind.Picture, "p|a.jpg")!.EntityId, Is.EqualTo(newId));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
