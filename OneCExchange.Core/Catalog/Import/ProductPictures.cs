using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Staging;
using CmlProduct = OneCExchange.Core.CommerceMl.Product;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>A product's picture found in the staging folder (its hash null when the file is missing).</summary>
internal sealed record StagedImage(ProductImage Image, string FilePath, string? Hash);

/// <summary>
/// A product's pictures: the files 1C sent, resolved inside the session's staging folder (a path leading out of it is
/// refused) and hashed, then compared with the pictures the store has to keep, add, replace or remove each one.
/// </summary>
internal sealed class ProductPictures(string sessionFolder, ImportWarnings warnings)
{
    private readonly string _sessionFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sessionFolder));

    public List<StagedImage> Stage(CmlProduct product)
    {
        var result = new List<StagedImage>(product.Images.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in product.Images)
        {
            var path = image.Path.Replace('\\', '/').Trim();
            if (path.Length == 0 || !seen.Add(path))
                continue;
            var full = StagingPath.Within(_sessionFolder, path);
            if (full == null)
            {
                warnings.Warn(ExchangeMessage.Of(MessageKeys.PicturePathInvalid, product.Id, path));
                continue;
            }
            result.Add(new StagedImage(image with { Path = path }, full, File.Exists(full) ? ContentHash.OfFile(full) : null));
        }
        return result;
    }

    /// <summary>What to do with each staged picture, and the ids of the store's pictures 1C no longer sends.</summary>
    public (List<ProductPicture> Pictures, List<int> Removed) Plan(string productKey, List<StagedImage> images,
        Dictionary<string, List<MappedPicture>> index, string seoName)
    {
        index.TryGetValue(productKey, out var existing);
        var pictures = new List<ProductPicture>(images.Count);
        foreach (var image in images)
        {
            var path = image.Image.Path;
            var key = MappingIndex.PictureKey(productKey, path);
            var known = existing?.FirstOrDefault(p => p.Key == key);
            var mime = MimeType(path);
            var order = pictures.Count;
            if (image.Hash is null)
            {
                if (known != null)
                    pictures.Add(new ProductPicture(PictureAction.Keep, key, known.PictureId, image.FilePath, path,
                        known.Hash ?? "", mime, seoName, order, image.Image.Caption));
                else
                    warnings.Warn(ExchangeMessage.Of(MessageKeys.PictureFileMissing, productKey, path));
                continue;
            }
            var action = known is null ? PictureAction.Add
                : known.Hash == image.Hash ? PictureAction.Keep : PictureAction.Replace;
            pictures.Add(new ProductPicture(action, key, known?.PictureId, image.FilePath, path, image.Hash, mime,
                seoName, order, image.Image.Caption));
        }
        var removed = existing?.Where(e => pictures.All(p => p.Key != e.Key))
            .Select(e => e.PictureId).ToList() ?? [];
        return (pictures, removed);
    }

    /// <summary>After the store wrote the product: its pictures as the mapping index keeps them.</summary>
    public static void Remember(Dictionary<string, List<MappedPicture>> index, string productKey,
        List<ProductPicture> pictures, IReadOnlyList<int>? pictureIds)
    {
        if (pictureIds is null || pictureIds.Count != pictures.Count)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.PictureIdsMissing, productKey));
        index[productKey] = pictures.Select((p, i) => new MappedPicture(p.Key, pictureIds[i], p.ContentHash)).ToList();
    }

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".bmp" => "image/bmp",
        ".svg" => "image/svg+xml",
        _ => "image/jpeg",
    };
}
