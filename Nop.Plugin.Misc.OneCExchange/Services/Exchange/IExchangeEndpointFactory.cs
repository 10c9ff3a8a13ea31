using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>Builds Core's exchange endpoint for one request, from the current settings.</summary>
public interface IExchangeEndpointFactory
{
    ExchangeEndpoint Create();

    /// <summary>The largest request body the exchange accepts (file_limit plus a margin).</summary>
    long MaxRequestBodySize { get; }
}
