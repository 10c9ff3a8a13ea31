using Nop.Core.Domain.Media;
using Nop.Services.Media;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>
/// Pictures kept in the fake database's Picture and PictureBinary tables, as nopCommerce's picture service keeps them
/// when the store keeps pictures in the database (<see cref="StoreInDb"/>, the default).
/// </summary>
public sealed class FakePictureService(FakeDatabase database) : IPictureService
{
    public bool StoreInDb { get; set; } = true;

    /// <summary>Files the service was asked to validate (resize), by SEO file name.</summary>
    public List<string> Validated { get; } = [];

    /// <summary>The binary of every picture, by picture id.</summary>
    public Dictionary<int, byte[]> Binaries => database.Rows<PictureBinary>().ToDictionary(b => b.PictureId, b => b.BinaryData);

    public async Task<Picture> InsertPictureAsync(byte[] pictureBinary, string mimeType, string seoFilename,
        string? altAttribute = null, string? titleAttribute = null, bool isNew = true, bool validateBinary = true)
    {
        database.CountRoundTrip("IPictureService.InsertPictureAsync");
        var picture = new Picture { MimeType = mimeType, SeoFilename = seoFilename, AltAttribute = altAttribute, TitleAttribute = titleAttribute, IsNew = isNew };
        await database.Uncounted(async () =>
        {
            await database.Table<Picture>().InsertAsync(picture, publishEvent: true);
            await database.Table<PictureBinary>().InsertAsync(new PictureBinary { PictureId = picture.Id, BinaryData = pictureBinary }, publishEvent: true);
        });
        return picture;
    }

    public async Task<Picture> UpdatePictureAsync(int pictureId, byte[] pictureBinary, string mimeType, string seoFilename,
        string? altAttribute = null, string? titleAttribute = null, bool isNew = true, bool validateBinary = true)
    {
        database.CountRoundTrip("IPictureService.UpdatePictureAsync");
        var picture = database.Rows<Picture>().SingleOrDefault(p => p.Id == pictureId)
            ?? throw new InvalidOperationException($"picture {pictureId} does not exist");
        picture.MimeType = mimeType;
        picture.SeoFilename = seoFilename;
        var binary = database.Rows<PictureBinary>().Single(b => b.PictureId == pictureId);
        binary.BinaryData = pictureBinary;
        await database.Uncounted(async () =>
        {
            await database.Table<Picture>().UpdateAsync(picture, publishEvent: true);
            await database.Table<PictureBinary>().UpdateAsync(binary, publishEvent: true);
        });
        return picture;
    }

    public async Task DeletePictureAsync(Picture picture)
    {
        database.CountRoundTrip("IPictureService.DeletePictureAsync");
        await database.Uncounted(async () =>
        {
            await database.Table<PictureBinary>().DeleteAsync(database.Rows<PictureBinary>().Where(b => b.PictureId == picture.Id).ToList(), publishEvent: true);
            await database.Table<Picture>().DeleteAsync([picture], publishEvent: true);
        });
    }

    /// <summary>The URL nopCommerce serves an original picture at (no thumbnail is made here).</summary>
    public Task<string> GetPictureUrlAsync(int pictureId, int targetSize = 0, bool showDefaultPicture = true,
        string? storeLocation = null, PictureType defaultPictureType = PictureType.Entity) =>
        Task.FromResult($"{storeLocation ?? "http://store.test/"}images/thumbs/{pictureId:D7}_picture.jpeg");

    public Task<byte[]> ValidatePictureAsync(byte[] pictureBinary, string mimeType, string fileName)
    {
        Validated.Add(fileName);
        return Task.FromResult(pictureBinary);
    }

    public Task<bool> IsStoreInDbAsync() => Task.FromResult(StoreInDb);
}
