using OneCExchange.Core.Orders;

namespace OneCExchange.Core.Ports;

/// <summary>Gives the current order exchange options (settings may change between requests).</summary>
public interface IOrderExchangeOptionsProvider
{
    Task<OrderExchangeOptions> GetAsync(CancellationToken cancellationToken);
}
