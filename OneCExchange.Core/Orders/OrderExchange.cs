using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Orders;

/// <summary>mode=query, mode=success and mode=info on top of the store's <see cref="IOrderSource"/>.</summary>
/// <param name="clock">Gives ДатаФормирования in the store's local time.</param>
public sealed class OrderExchange(IOrderSource source, IOrderExchangeOptionsProvider optionsProvider, TimeProvider clock)
    : IOrderExchange
{
    /// <summary>
    /// Hands the due orders out to the session now (so that what success confirms is exactly what this query
    /// returned) and reads the first page of them, so that a store error up to there is still a failure answer; the
    /// rest is read page by page while the protocol streams the document.
    /// </summary>
    public async Task<OrderExportDocument> QueryAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        var options = await optionsProvider.GetAsync(cancellationToken).ConfigureAwait(false);
        var format = Format(query, options);
        var filter = OrderExportFilters.From(options);
        var handOuts = await source.HandOutAsync(query.SessionId, filter, cancellationToken).ConfigureAwait(false);
        var orderIds = handOuts.Select(handOut => handOut.OrderId).ToArray();
        var generatedAt = clock.GetLocalNow().DateTime;

        // The snapshots are read with the request's token: the document is written within the same request.
        var orders = source.GetSnapshotsAsync(orderIds, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await orders.MoveNextAsync().ConfigureAwait(false);
        }
        catch
        {
            await orders.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new OrderExportDocument(format.ContentType, orderIds.Length, async (stream, ct) =>
        {
            await using (orders.ConfigureAwait(false))
            {
                await using var writer = new OrdersDocumentWriter(stream, format);
                await writer.WriteStartAsync(generatedAt, ct).ConfigureAwait(false);
                for (var more = any; more; more = await orders.MoveNextAsync().ConfigureAwait(false))
                    await writer.WriteOrderAsync(orders.Current, ct).ConfigureAwait(false);
                await writer.WriteEndAsync(ct).ConfigureAwait(false);
            }
        });
    }

    public Task ConfirmAsync(string sessionId, CancellationToken cancellationToken) =>
        source.ConfirmAsync(sessionId, cancellationToken);

    public async Task<OrderExportDocument> InfoAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        var options = await optionsProvider.GetAsync(cancellationToken).ConfigureAwait(false);
        var format = Format(query, options);
        var data = await source.GetReferenceDataAsync(cancellationToken).ConfigureAwait(false);
        return new OrderExportDocument(format.ContentType, 0,
            (stream, ct) => OrdersDocumentWriter.WriteReferenceDataAsync(stream, format, data, ct));
    }

    /// <exception cref="ImportException">The settings name a version or encoding that is not supported (the message goes to 1C).</exception>
    private static OrdersDocumentFormat Format(OrderQuery query, OrderExchangeOptions options)
    {
        try
        {
            return OrdersDocumentFormat.Resolve(query.SchemaVersion, options.OrderSchemaVersion, options.OrderEncoding);
        }
        catch (ArgumentException exception)
        {
            throw new ImportException(ExchangeMessage.Of(MessageKeys.UnsupportedOrderFormat, exception.Message), exception);
        }
    }
}
