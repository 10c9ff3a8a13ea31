using OneCExchange.Core.CatalogExport;

namespace OneCExchange.Core.Ports;

/// <summary>
/// The store's catalog for type=get_catalog, read a page at a time. Every item carries a stable 1C id: the one the
/// host's mapping table holds for it (from an earlier import or export), or a new one the host records there before
/// answering, so that 1C's next import updates these items instead of creating new ones.
/// </summary>
public interface ICatalogExportSource
{
    /// <summary>The groups (parents before children) and the properties with their values.</summary>
    Task<ExportClassifier> GetClassifierAsync(CancellationToken cancellationToken);

    /// <summary>The price types (from the price type settings) and the warehouses.</summary>
    Task<ExportOfferTerms> GetOfferTermsAsync(CancellationToken cancellationToken);

    /// <summary>The products (not deleted) with ids above <paramref name="afterProductId"/>, lowest id first, at most <paramref name="count"/>.</summary>
    Task<ExportPage<ExportProduct>> GetProductsAsync(int afterProductId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// The offers of the next <paramref name="count"/> products after <paramref name="afterProductId"/> (the same
    /// products <see cref="GetProductsAsync"/> pages through): one per attribute combination, or one for the product
    /// itself when it has none.
    /// </summary>
    Task<ExportPage<ExportOffer>> GetOffersAsync(int afterProductId, int count, CancellationToken cancellationToken);
}
