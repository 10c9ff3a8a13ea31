using Nop.Core.Domain.Media;
using Nop.Data;
using Nop.Services.Media;
using OneCExchange.Core.Catalog;
using NopProductPicture = Nop.Core.Domain.Catalog.ProductPicture;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Product pictures in 1C's order: new files are inserted through <see cref="IPictureService"/> (which validates and
/// resizes them), changed files replace the picture's binary keeping its id, unchanged ones only get their order, and
/// pictures 1C no longer sends are removed from the product and deleted.
/// </summary>
public class CatalogPictureWriter(
    IPictureService pictureService,
    IRepository<Picture> pictures,
    IRepository<NopProductPicture> productPictures,
    OneCMappingTable mappingTable)
{
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
        var stillThere = referenced.Count == 0 ? [] : (await pictures.ByIdsAsync(referenced)).Select(p => p.Id).ToHashSet();
        var toRead = targets.Where(t => !t.Created).Select(t => t.ProductId).ToList();
        var existing = (toRead.Count == 0 ? [] : await productPictures.WhereInAsync(pp => pp.ProductId, toRead))
            .ToLookup(pp => pp.ProductId);
        var inserts = new List<NopProductPicture>();
        var updates = new List<NopProductPicture>();
        var removed = new List<NopProductPicture>();
        foreach (var (index, productId, _, command) in targets)
        {
            var current = existing[productId].ToList();
            var pictureIds = new List<int>(command.Pictures?.Count ?? 0);
            foreach (var picture in command.Pictures ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A picture deleted in the store since 1C last sent it is uploaded again.
                var pictureId = await WritePictureAsync(command,
                    picture.PictureId is { } id && !stillThere.Contains(id) ? picture with { Action = PictureAction.Add } : picture);
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
        await context.UpdateAsync(productPictures, updates, [nameof(NopProductPicture.DisplayOrder)]);
        if (inserts.Count > 0)
            await productPictures.InsertAsync(inserts, context.PublishEvents);
        if (removed.Count + updates.Count + inserts.Count > 0)
            context.Wrote<NopProductPicture>();
    }

    /// <summary>Inserts or replaces the picture's binary as the action says; returns the picture id.</summary>
    protected virtual async Task<int> WritePictureAsync(UpsertProduct product, ProductPicture picture)
    {
        switch (picture.Action)
        {
            case PictureAction.Add:
                var inserted = await pictureService.InsertPictureAsync(await ReadFileAsync(product, picture), picture.MimeType,
                    picture.SeoFileName, picture.Caption, picture.Caption);
                return inserted.Id;
            case PictureAction.Replace:
                var id = picture.PictureId ?? throw new InvalidOperationException(
                    $"Product {product.Key}: picture {picture.RelativePath} is to be replaced but has no picture id");
                await pictureService.UpdatePictureAsync(id, await ReadFileAsync(product, picture), picture.MimeType,
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
        await productPictures.DeleteAsync(removed, context.PublishEvents);
        var pictureIds = removed.Select(pp => pp.PictureId).Distinct().ToList();
        foreach (var picture in await pictures.ByIdsAsync(pictureIds))
            await pictureService.DeletePictureAsync(picture);
        await mappingTable.DeleteByEntityIdsAsync(CatalogEntityKind.Picture, pictureIds);
    }
}
