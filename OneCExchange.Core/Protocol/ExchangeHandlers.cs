using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Protocol;

/// <summary>The data side of the exchange behind the protocol (catalog pipeline, orders).</summary>
public sealed record ExchangeHandlers(
    IFileImportFactory CatalogImports,
    IFileImportFactory SaleImports,
    ICatalogCompletion CatalogCompletion,
    IOrderExchange Orders)
{
    public IFileImportFactory ImportsFor(ExchangeType type) => type == ExchangeType.Catalog ? CatalogImports : SaleImports;
}
