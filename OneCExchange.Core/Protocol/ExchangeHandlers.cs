using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Protocol;

/// <summary>The data side of the exchange behind the protocol (catalog pipeline, orders).</summary>
/// <param name="PendingOrders">Answers type=listen; null: listen is answered with failure.</param>
/// <param name="CatalogExport">Answers type=get_catalog; null: get_catalog is answered with failure.</param>
public sealed record ExchangeHandlers(
    IFileImportFactory CatalogImports,
    IFileImportFactory SaleImports,
    ICatalogCompletion CatalogCompletion,
    IOrderExchange Orders,
    IPendingOrders? PendingOrders = null,
    ICatalogExportSource? CatalogExport = null)
{
    public IFileImportFactory ImportsFor(ExchangeType type) => type == ExchangeType.Catalog ? CatalogImports : SaleImports;
}
