using System.Globalization;
using OneCExchange.Core.CommerceMl.Export;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// type=get_catalog, as 1C-Bitrix's catalog.export.1c answers it: mode=init starts the export (zip=no: the documents
/// go as plain XML), then every mode=query answers the next document — the classifier, then the products a page at a
/// time, then their offers a page at a time — and the query after the last one answers finished=yes. Where the export
/// stands is kept in the session's staging folder, so it survives a store restart and needs nothing in memory.
/// </summary>
internal sealed class CatalogExportConversation(ExchangeOptions options, ICatalogExportSource? source, TimeProvider time)
{
    private const string CursorFileName = "~get_catalog.cursor";
    private const string ContentType = "application/xml; charset=utf-8";

    private enum Stage { Classifier, Products, Offers, Finished }

    private sealed record Cursor(Stage Stage, int AfterProductId, int Written)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stage};{AfterProductId};{Written}");

        public static Cursor? Parse(string text)
        {
            var parts = text.Trim().Split(';');
            return parts.Length == 3 && Enum.TryParse<Stage>(parts[0], out var stage)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var after)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var written)
                ? new Cursor(stage, after, written)
                : null;
        }
    }

    public Answer Init(ExchangeSession session)
    {
        Save(session, new Cursor(Stage.Classifier, 0, 0));
        return Answer.Lines("zip=no");
    }

    public async Task<Answer> QueryAsync(ExchangeSession session, CancellationToken ct)
    {
        if (source is null)
            return Answer.Failure("Выгрузка каталога в 1С (type=get_catalog) не поддерживается этим сайтом.");
        var path = Path.Combine(session.StagingFolder, CursorFileName);
        var cursor = File.Exists(path) ? Cursor.Parse(await File.ReadAllTextAsync(path, ct)) : null;
        if (cursor is null)
            return Answer.Failure("Выгрузка каталога не начата: сначала mode=init.");
        var pageSize = Math.Max(1, options.CatalogExportPageSize);
        var now = time.GetLocalNow().DateTime;

        if (cursor.Stage == Stage.Classifier)
        {
            var classifier = await source.GetClassifierAsync(ct);
            return Send(session, new Cursor(Stage.Products, 0, 0), classifier.Groups.Count + classifier.Properties.Count,
                stream => CatalogDocumentWriter.WriteClassifier(stream, classifier, now));
        }
        if (cursor.Stage == Stage.Products)
        {
            var page = await source.GetProductsAsync(cursor.AfterProductId, pageSize, ct);
            if (page.Items.Count > 0)
                return Send(session, cursor with { AfterProductId = page.LastProductId, Written = cursor.Written + page.Items.Count },
                    page.Items.Count, stream => CatalogDocumentWriter.WriteProducts(stream, page.Items, now));
            cursor = new Cursor(Stage.Offers, 0, 0);
        }
        if (cursor.Stage == Stage.Offers)
        {
            var page = await source.GetOffersAsync(cursor.AfterProductId, pageSize, ct);
            if (page.Items.Count > 0)
            {
                var terms = await source.GetOfferTermsAsync(ct);
                return Send(session, cursor with { AfterProductId = page.LastProductId, Written = cursor.Written + page.Items.Count },
                    page.Items.Count, stream => CatalogDocumentWriter.WriteOffers(stream, terms, page.Items, now));
            }
            Save(session, new Cursor(Stage.Finished, 0, 0));
        }
        session.Completed = true;
        return Answer.Lines("finished=yes");
    }

    /// <summary>
    /// Writes the document to a temporary file first (streaming, flat memory), so that an error while building it is a
    /// failure answer and leaves the export where it was; only a written document moves the cursor on.
    /// </summary>
    private static Answer Send(ExchangeSession session, Cursor next, int itemCount, Action<Stream> write)
    {
        Directory.CreateDirectory(session.StagingFolder);
        var path = Path.Combine(session.StagingFolder, $"~get_catalog-{Guid.NewGuid():N}.xml");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
                write(file);
            Save(session, next);
            return Answer.ForDocument(new OrderExportDocument(ContentType, itemCount, (stream, ct) => SendFileAsync(path, stream, ct),
                new FileInfo(path).Length));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task SendFileAsync(string path, Stream output, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await file.CopyToAsync(output, ct);
    }

    private static void Save(ExchangeSession session, Cursor cursor)
    {
        Directory.CreateDirectory(session.StagingFolder);
        File.WriteAllText(Path.Combine(session.StagingFolder, CursorFileName), cursor.ToString());
    }
}
