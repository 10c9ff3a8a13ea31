using Nop.Core.Infrastructure;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>Composes the endpoint from the plugin's settings, its state and log tables, and the catalog and order handlers.</summary>
public class ExchangeEndpointFactory : IExchangeEndpointFactory
{
    #region Fields

    /// <summary>The staging root, under the store's App_Data (never served to browsers).</summary>
    public const string StagingPath = "~/App_Data/OneCExchange/";

    protected readonly OneCExchangeSettings _settings;
    protected readonly IExchangeStateStore _stateStore;
    protected readonly IExchangeLog _exchangeLog;
    protected readonly ExchangeHandlers _handlers;
    protected readonly ExchangeRuntime _runtime;
    protected readonly INopFileProvider _fileProvider;

    #endregion

    #region Ctor

    public ExchangeEndpointFactory(OneCExchangeSettings settings, IExchangeStateStore stateStore, IExchangeLog exchangeLog,
        ExchangeHandlers handlers, ExchangeRuntime runtime, INopFileProvider fileProvider)
    {
        _settings = settings;
        _stateStore = stateStore;
        _exchangeLog = exchangeLog;
        _handlers = handlers;
        _runtime = runtime;
        _fileProvider = fileProvider;
    }

    #endregion

    public virtual ExchangeEndpoint Create() =>
        new(ExchangeOptionsFactory.From(_settings, _fileProvider.MapPath(StagingPath)), _stateStore, _exchangeLog, _handlers, _runtime);

    public virtual long MaxRequestBodySize => Math.Max(1024, _settings.FileSizeLimitBytes) + ExchangeOptionsFactory.RequestSizeMargin;
}
