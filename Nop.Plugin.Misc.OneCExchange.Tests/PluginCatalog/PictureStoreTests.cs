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
    public async Task New_pictures_of_a_batch_are_validated_and_written_in_bulk_as_the_picture_service_writes_them()
    {
        var h = new StoreHarness(publishEntityEvents: false);
        var longName = new string('k', 130);
        var commands = Enumerable.Range(0, 20).Select(i => (CatalogCommand)new UpsertProduct
        {
            Key = "p" + i, Name = "P" + i,
            Pictures = [Staged(PictureAction.Add, $"{i}.jpg", [(byte)i], 0) with { SeoFileName = longName, Caption = "Куртка " + i }]
        }).ToArray();
        h.Db.ResetCounters();

        await h.ApplyAsync(commands);

        Assert.That(h.Db.RoundTripsByOperation.GetValueOrDefault("Picture.InsertAsync(list)"), Is.EqualTo(1), Describe(h));
        Assert.That(h.Db.RoundTripsByOperation.GetValueOrDefault("PictureBinary.InsertAsync(list)"), Is.EqualTo(1), Describe(h));
        Assert.That(h.Db.RoundTripsByOperation.Keys, Has.None.StartWith("IPictureService.Insert"));
        Assert.That(h.Pictures.Validated, Has.Count.EqualTo(20), "every file is validated (resized) by nopCommerce's picture service");
        var picture = h.Db.Rows<Picture>().OrderBy(p => p.Id).First();
        Assert.That((picture.SeoFilename, picture.MimeType, picture.AltAttribute, picture.TitleAttribute, picture.IsNew),
            Is.EqualTo((longName[..100], "image/jpeg", "Куртка 0", "Куртка 0", true)), "SEO name cut to its column as nopCommerce does");
        Assert.That(h.Pictures.Binaries[picture.Id], Is.EqualTo(new byte[] { 0 }));
        Assert.That(h.CacheCleaner.Cleared, Does.Contain(typeof(Picture)));
    }

    [Test]
    public async Task When_the_store_keeps_pictures_on_disk_the_picture_service_writes_each_file()
    {
        var h = new StoreHarness();
        h.Pictures.StoreInDb = false;
        await h.ApplyAsync(new UpsertProduct { Key = "p", Name = "P", Pictures = [Staged(PictureAction.Add, "a.jpg", [1], 0), Staged(PictureAction.Add, "b.jpg", [2], 1)] });

        Assert.That(h.Db.RoundTripsByOperation.GetValueOrDefault("IPictureService.InsertPictureAsync"), Is.EqualTo(2));
        Assert.That(h.Db.Rows<Nop.Core.Domain.Catalog.ProductPicture>(), Has.Count.EqualTo(2));
    }

    private static string Describe(StoreHarness h) => string.Join(", ", h.Db.RoundTripsByOperation.Select(o => $"{o.Key}×{o.Value}"));

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
