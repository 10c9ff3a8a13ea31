using Nop.Core.Domain.Media;

namespace Nop.Services.Media;

public partial interface IPictureService
{
    Task DeletePictureAsync(Picture picture);

    Task<Picture> InsertPictureAsync(byte[] pictureBinary, string mimeType, string seoFilename,
        string altAttribute = null, string titleAttribute = null,
        bool isNew = true, bool validateBinary = true);

    Task<Picture> UpdatePictureAsync(int pictureId, byte[] pictureBinary, string mimeType,
        string seoFilename, string altAttribute = null, string titleAttribute = null,
        bool isNew = true, bool validateBinary = true);

    Task<string> GetPictureUrlAsync(int pictureId,
        int targetSize = 0,
        bool showDefaultPicture = true,
        string storeLocation = null,
        PictureType defaultPictureType = PictureType.Entity);

    Task<byte[]> ValidatePictureAsync(byte[] pictureBinary, string mimeType, string fileName);

    Task<bool> IsStoreInDbAsync();
}
