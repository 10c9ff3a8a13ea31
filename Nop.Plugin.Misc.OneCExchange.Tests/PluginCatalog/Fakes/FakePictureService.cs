using Nop.Core.Domain.Media;
using Nop.Services.Media;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.PluginCatalog.Fakes;

/// <summary>Pictures kept in the fake database's Picture table, with their binaries beside it.</summary>
public sealed class FakePictureService(FakeDatabase database) : IPictureService
{
    public Dictionary<int, byte[]> Binaries { get; } = [];

    public async Task<Picture> InsertPictureAsync(byte[] pictureBinary, string mimeType, string seoFilename,
        string? altAttribute = null, string? titleAttribute = null, bool isNew = true, bool validateBinary = true)
    {
        database.CountRoundTrip("IPictureService.InsertPictureAsync");
        var picture = new Picture { MimeType = mimeType, SeoFilename = seoFilename };
        await database.Uncounted(() => database.Table<Picture>().InsertAsync(picture, publishEvent: true));
        Binaries[picture.Id] = pictureBinary;
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
        await database.Uncounted(() => database.Table<Picture>().UpdateAsync(picture, publishEvent: true));
        Binaries[pictureId] = pictureBinary;
        return picture;
    }

    public async Task DeletePictureAsync(Picture picture)
    {
        database.CountRoundTrip("IPictureService.DeletePictureAsync");
        await database.Uncounted(() => database.Table<Picture>().DeleteAsync([picture], publishEvent: true));
        Binaries.Remove(picture.Id);
    }

    /// <summary>The URL nopCommerce serves an original picture at (no thumbnail is made here).</summary>
    public Task<string> GetPictureUrlAsync(int pictureId, int targetSize = 0, bool showDefaultPicture = true,
        string? storeLocation = null, PictureType defaultPictureType = PictureType.Entity) =>
        Task.FromResult($"{storeLocation ?? "http://store.test/"}images/thumbs/{pictureId:D7}_picture.jpeg");
}
