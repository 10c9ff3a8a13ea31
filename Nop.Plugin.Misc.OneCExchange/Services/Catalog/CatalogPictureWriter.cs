using Nop.Core.Domain.Media;
using Nop.Data;
using Nop.Services.Media;
using OneCExchange.Core.Catalog;
using NopProductPicture = Nop.Core.Domain.Catalog.ProductPicture;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Product pictures in 1C's order: new files are validated and resized by <see cref="IPictureService"/> and inserted
/// in bulk (Picture and PictureBinary rows per batch, one statement each with the binaries as parameters on PostgreSQL, as the picture service writes them one by one; through the
/// service itself when the store keeps pictures on disk), changed files replace the picture's binary keeping its id
/// (the service also drops its thumbnails), unchanged ones only get their order, and pictures 1C no longer sends are
/// removed from the product and deleted.
/// </summary>
public class CatalogPictureWriter
{
    #region Fields

    protected readonly IPictureService _pictureService;
    protected readonly IRepository<Picture> _pictures;
    protected readonly IRepository<PictureBinary> _pictureBinaries;
    protected readonly IRepository<NopProductPicture> _productPictures;
    protected readonly OneCMappingTable _mappingTable;

    #endregion

    #region Ctor

    public CatalogPictureWriter(
        IPictureService pictureService,
        IRepository<Picture> pictures,
        IRepository<PictureBinary> pictureBinaries,
        IRepository<NopProductPicture> productPictures,
        OneCMappingTable mappingTable)
    {
        _pictureService = pictureService;
        _pictures = pictures;
        _pictureBinaries = pictureBinaries;
        _productPictures = productPictures;
        _mappingTable = mappingTable;
    }

    #endregion

    /// <summary>New picture files held in memory at once before they are written (a batch may carry many).</summary>
    public const long MaxBytesPerInsert = 64L * 1024 * 1024;

    public virtual async Task ApplyAsync(CatalogBatchContext context, IReadOnlyList<Indexed<UpsertProduct>> commands,
        CancellationToken cancellationToken)
    {
        var targets = commands
            .Where(c => c.Command.Pictures is not null || c.Command.RemovedPictureIds.Count > 0)
            .Select(c => (c.Index, ProductId: context.Outcomes[c.Index].EntityId, Created: context.Outcomes[c.Index].Created, c.Command))
            .ToList();
        if (targets.Count == 0)
            return;

        var referenced = targets.SelectMany(t => t.Command.Pictures ?? []).Select(p => p.PictureId).OfType<int>().ToList();
        var stillThere = referenced.Count == 0 ? [] : (await _pictures.ByIdsAsync(referenced)).Select(p => p.Id).ToHashSet();
        var toRead = targets.Where(t => !t.Created).Select(t => t.ProductId).ToList();
        var existing = (toRead.Count == 0 ? [] : await _productPictures.WhereInAsync(pp => pp.ProductId, toRead))
            .ToLookup(pp => pp.ProductId);
        // A picture deleted in the store since 1C last sent it is uploaded again.
        var planned = targets.Select(t => (t.Command.Pictures ?? []).Select(p =>
            p.PictureId is { } id && !stillThere.Contains(id) ? p with { Action = PictureAction.Add } : p).ToList()).ToList();
        var ids = await WritePicturesAsync(context, targets.Select(t => t.Command).ToList(), planned, cancellationToken);

        var inserts = new List<NopProductPicture>();
        var updates = new List<NopProductPicture>();
        var removed = new List<NopProductPicture>();
        foreach (var ((index, productId, _, command), t) in targets.Select((target, t) => (target, t)))
        {
            var current = existing[productId].ToList();
            var pictureIds = new List<int>(command.Pictures?.Count ?? 0);
            foreach (var (picture, i) in planned[t].Select((p, i) => (p, i)))
            {
                var pictureId = ids[t][i];
                pictureIds.Add(pictureId);
                context.MappingWrites.Add(new MappingWrite(new EntityKey(CatalogEntityKind.Picture, picture.Key), pictureId,
                    picture.ContentHash));
                var row = current.FirstOrDefault(pp => pp.PictureId == pictureId);
                if (row is null)
                    inserts.Add(new NopProductPicture { ProductId = productId, PictureId = pictureId, DisplayOrder = picture.DisplayOrder });
                else if (row.DisplayOrder != picture.DisplayOrder)
                {
                    row.DisplayOrder = picture.DisplayOrder;
                    updates.Add(row);
                }
            }
            removed.AddRange(current.Where(pp => command.RemovedPictureIds.Contains(pp.PictureId)));
            if (command.Pictures is not null)
                context.Outcomes[index] = context.Outcomes[index] with { PictureIds = pictureIds };
        }

        if (removed.Count > 0)
            await RemoveAsync(context, removed);
        await context.UpdateAsync(_productPictures, updates, [nameof(NopProductPicture.DisplayOrder)]);
        await context.InsertAsync(_productPictures, inserts);
    }

    /// <summary>Writes the planned pictures of each product (new files inserted together); the picture ids, product by
    /// product in the order of the plan.</summary>
    protected virtual async Task<List<int[]>> WritePicturesAsync(CatalogBatchContext context, IReadOnlyList<UpsertProduct> products,
        IReadOnlyList<List<ProductPicture>> planned, CancellationToken cancellationToken)
    {
        var ids = new List<int[]>(products.Count);
        var adds = new List<(UpsertProduct Product, ProductPicture Picture, int[] Ids, int Position)>();
        for (var t = 0; t < products.Count; t++)
        {
            var row = new int[planned[t].Count];
            for (var i = 0; i < row.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (planned[t][i].Action == PictureAction.Add)
                    adds.Add((products[t], planned[t][i], row, i));
                else
                    row[i] = await WritePictureAsync(products[t], planned[t][i]);
            }
            ids.Add(row);
        }
        await InsertPicturesAsync(context, adds, cancellationToken);
        return ids;
    }

    /// <summary>
    /// Inserts new pictures: validated (resized) by the picture service, then their Picture and PictureBinary rows in
    /// two bulk inserts per chunk of at most <see cref="MaxBytesPerInsert"/> bytes of files. The MIME type and SEO
    /// file name are cut to their columns as the picture service does. Sets each picture's id in its slot.
    /// </summary>
    protected virtual async Task InsertPicturesAsync(CatalogBatchContext context,
        List<(UpsertProduct Product, ProductPicture Picture, int[] Ids, int Position)> adds, CancellationToken cancellationToken)
    {
        if (adds.Count == 0)
            return;
        if (!await _pictureService.IsStoreInDbAsync())
        {
            // On disk the picture service names and writes the files.
            foreach (var (product, picture, ids, position) in adds)
                ids[position] = (await _pictureService.InsertPictureAsync(await ReadFileAsync(product, picture), picture.MimeType,
                    picture.SeoFileName, picture.Caption, picture.Caption)).Id;
            return;
        }
        var rows = new List<Picture>();
        var binaries = new List<byte[]>();
        var slots = new List<(int[] Ids, int Position)>();
        long bytes = 0;
        foreach (var (product, picture, ids, position) in adds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mimeType = Cut(picture.MimeType ?? string.Empty, 20);
            var seoFileName = Cut(picture.SeoFileName, 100);
            var binary = await _pictureService.ValidatePictureAsync(await ReadFileAsync(product, picture), mimeType, seoFileName);
            rows.Add(new Picture
            {
                MimeType = mimeType, SeoFilename = seoFileName, AltAttribute = picture.Caption, TitleAttribute = picture.Caption, IsNew = true
            });
            binaries.Add(binary);
            slots.Add((ids, position));
            bytes += binary.Length;
            if (bytes < MaxBytesPerInsert)
                continue;
            await WriteRowsAsync();
            bytes = 0;
        }
        await WriteRowsAsync();

        async Task WriteRowsAsync()
        {
            if (rows.Count == 0)
                return;
            await context.InsertAsync(_pictures, rows);
            await context.InsertAsync(_pictureBinaries, rows.Select((p, i) => new PictureBinary { PictureId = p.Id, BinaryData = binaries[i] }).ToList());
            for (var i = 0; i < rows.Count; i++)
                slots[i].Ids[slots[i].Position] = rows[i].Id;
            rows.Clear();
            binaries.Clear();
            slots.Clear();
        }
    }

    private static string? Cut(string? text, int length) => text is { Length: var l } && l > length ? text[..length] : text;

    /// <summary>Replaces the picture's binary, or keeps it, as the action says; returns the picture id.</summary>
    protected virtual async Task<int> WritePictureAsync(UpsertProduct product, ProductPicture picture)
    {
        switch (picture.Action)
        {
            case PictureAction.Replace:
                var id = picture.PictureId ?? throw new InvalidOperationException(
                    $"Product {product.Key}: picture {picture.RelativePath} is to be replaced but has no picture id");
                await _pictureService.UpdatePictureAsync(id, await ReadFileAsync(product, picture), picture.MimeType,
                    picture.SeoFileName, picture.Caption, picture.Caption);
                return id;
            default:
                return picture.PictureId ?? throw new InvalidOperationException(
                    $"Product {product.Key}: picture {picture.RelativePath} is to be kept but has no picture id");
        }
    }

    /// <summary>nopCommerce takes a picture as bytes; one picture at a time is held in memory.</summary>
    protected virtual async Task<byte[]> ReadFileAsync(UpsertProduct product, ProductPicture picture)
    {
        if (!File.Exists(picture.FilePath))
            throw new FileNotFoundException(
                $"Product {product.Key}: the picture file {picture.RelativePath} was not uploaded", picture.RelativePath);
        return await File.ReadAllBytesAsync(picture.FilePath);
    }

    /// <summary>Removes pictures from their products and deletes them (binary and thumbs) with their mapping rows.</summary>
    protected virtual async Task RemoveAsync(CatalogBatchContext context, List<NopProductPicture> removed)
    {
        await context.DeleteAsync(_productPictures, removed);
        var pictureIds = removed.Select(pp => pp.PictureId).Distinct().ToList();
        foreach (var picture in await _pictures.ByIdsAsync(pictureIds))
            await _pictureService.DeletePictureAsync(picture);
        await _mappingTable.DeleteByEntityIdsAsync(CatalogEntityKind.Picture, pictureIds);
    }
}
