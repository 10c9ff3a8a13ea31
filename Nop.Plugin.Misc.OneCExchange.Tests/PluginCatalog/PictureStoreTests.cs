using Nop.Core.Domain.Media;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.PluginCatalog.Fakes;
using NopProductPicture = Nop.Core.Domain.Catalog.ProductPicture;
using ProductPicture = OneCExchange.Core.Catalog.ProductPicture;

namespace OneCExchange.Tests.PluginCatalog;

public class PictureStoreTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateStagingFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "onec-pictures-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteStagingFolder() => Directory.Delete(_folder, recursive: true);

    private ProductPicture Staged(PictureAction action, string name, byte[] content, int order, int? pictureId = null)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return new ProductPicture(action, "p|import_files/" + name, pictureId, path, "import_files/" + name,
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)), "image/jpeg", "kurtka", order, null);
    }

    [Test]
    public async Task Pictures_are_added_in_1C_order_with_the_file_bytes_and_their_hash()
    {
        var h = new StoreHarness();
        var first = Staged(PictureAction.Add, "a.jpg", [1, 2, 3], 0);
        var second = Staged(PictureAction.Add, "b.jpg", [4, 5], 1);
        var result = await h.ApplyAsync(new UpsertProduct { Key = "p", Name = "P", Pictures = [first, second] });
        var id = result.Outcomes[0].EntityId;

        var rows = h.Db.Rows<NopProductPicture>().Where(pp => pp.ProductId == id).OrderBy(pp => pp.DisplayOrder).ToList();
        Assert.That(rows.Select(r => h.Pictures.Binaries[r.PictureId]), Is.EqualTo(new[] { new byte[] { 1, 2, 3 }, new byte[] { 4, 5 } }));
        Assert.That(h.Db.Rows<Picture>().Select(p => (p.MimeType, p.SeoFilename)), Is.All.EqualTo(("image/jpeg", "kurtka")));
        var mapping = h.Mapping(CatalogEntityKind.Picture, first.Key)!;
        Assert.That((mapping.EntityId, mapping.ContentHash), Is.EqualTo((rows[0].PictureId, first.ContentHash)));
        Assert.That(result.Outcomes[0].PictureIds, Is.EqualTo(rows.Select(r => r.PictureId)), "picture ids in the order of the command's list");
    }

    [Test]
    public async Task A_changed_file_replaces_the_picture_and_order_changes_keep_unchanged_files()
    {
        var h = new StoreHarness();
        var id = await h.IdOf(new UpsertProduct { Key = "p", Name = "P", Pictures = [Staged(PictureAction.Add, "a.jpg", [1], 0), Staged(PictureAction.Add, "b.jpg", [2], 1)] });
        var pictureA = h.Mapping(CatalogEntityKind.Picture, "p|import_files/a.jpg")!.EntityId;
        var pictureB = h.Mapping(CatalogEntityKind.Picture, "p|import_files/b.jpg")!.EntityId;
        h.Db.ResetCounters();

        var replaced = Staged(PictureAction.Replace, "a.jpg", [9, 9], 1, pictureA);
        await h.ApplyAsync(new UpsertProduct { Key = "p", EntityId = id, Pictures = [Staged(PictureAction.Keep, "b.jpg", [2], 0, pictureB), replaced] });

        Assert.That(h.Pictures.Binaries[pictureA], Is.EqualTo(new byte[] { 9, 9 }));
        Assert.That(h.Db.Rows<Picture>(), Has.Count.EqualTo(2), "replaced in place, not added");
        Assert.That(h.Db.Rows<NopProductPicture>().OrderBy(pp => pp.DisplayOrder).Select(pp => pp.PictureId), Is.EqualTo(new[] { pictureB, pictureA }));
        Assert.That(h.Mapping(CatalogEntityKind.Picture, replaced.Key)!.ContentHash, Is.EqualTo(replaced.ContentHash));
        Assert.That(h.Db.RoundTripsByOperation.Keys, Has.None.EqualTo("IPictureService.InsertPictureAsync"));
        Assert.That(h.Db.RoundTripsByOperation.GetValueOrDefault("IPictureService.UpdatePictureAsync"), Is.EqualTo(1), "the kept file is not re-uploaded");
    }

    [Test]
    public async Task Pictures_no_longer_sent_are_removed_from_the_product_and_deleted()
    {
        var h = new StoreHarness();
        var id = await h.IdOf(new UpsertProduct { Key = "p", Name = "P", Pictures = [Staged(PictureAction.Add, "a.jpg", [1], 0), Staged(PictureAction.Add, "b.jpg", [2], 1)] });
        var pictureA = h.Mapping(CatalogEntityKind.Picture, "p|import_files/a.jpg")!.EntityId;
        var pictureB = h.Mapping(CatalogEntityKind.Picture, "p|import_files/b.jpg")!.EntityId;

        await h.ApplyAsync(new UpsertProduct { Key = "p", EntityId = id, Pictures = [Staged(PictureAction.Keep, "b.jpg", [2], 0, pictureB)], RemovedPictureIds = [pictureA] });

        Assert.That(h.Db.Rows<NopProductPicture>().Select(pp => pp.PictureId), Is.EqualTo(new[] { pictureB }));
        Assert.That(h.Db.Rows<Picture>().Select(p => p.Id), Is.EqualTo(new[] { pictureB }));
        Assert.That(h.Mapping(CatalogEntityKind.Picture, "p|import_files/a.jpg"), Is.Null);
    }

    [Test]
    public void A_missing_picture_file_fails_the_batch_with_its_name_and_writes_nothing()
    {
        var h = new StoreHarness();
        var missing = Staged(PictureAction.Add, "gone.jpg", [1], 0);
        File.Delete(missing.FilePath);

        var error = Assert.ThrowsAsync<FileNotFoundException>(() =>
            h.ApplyAsync(new UpsertProduct { Key = "p-with-gone-picture", Name = "P", Pictures = [missing] }));

        Assert.That(error!.Message, Does.Contain("import_files/gone.jpg").And.Contain("p-with-gone-picture"));
        Assert.That(h.Db.Rows<Nop.Core.Domain.Catalog.Product>(), Is.Empty);
        Assert.That(h.Db.Rows<Nop.Plugin.Misc.OneCExchange.Domain.OneCMapping>(), Is.Empty);
    }
}
