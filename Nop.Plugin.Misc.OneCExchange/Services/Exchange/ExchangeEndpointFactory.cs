using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Infrastructure;
using Nop.Services.Customers;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>
/// Composes the endpoint from the plugin's settings, its state and log tables, and the catalog and order handlers. The
/// handlers (and nopCommerce's catalog and order services behind them) are resolved only by a request that uses them:
/// a picture upload, the dearest request by count, never builds them.
/// </summary>
public class ExchangeEndpointFactory : IExchangeEndpointFactory
{
    #region Fields

    /// <summary>The staging root, under the store's App_Data (never served to browsers).</summary>
    public const string StagingPath = "~/App_Data/OneCExchange/";

    protected readonly OneCExchangeSettings _settings;
    protected readonly IExchangeStateStore _stateStore;
    protected readonly IExchangeLog _exchangeLog;
    protected readonly ExchangeRuntime _runtime;
    protected readonly INopFileProvider _fileProvider;
    protected readonly IServiceProvider _serviceProvider;

    #endregion

    #region Ctor

    public ExchangeEndpointFactory(OneCExchangeSettings settings, IExchangeStateStore stateStore, IExchangeLog exchangeLog,
        ExchangeRuntime runtime, INopFileProvider fileProvider, IServiceProvider serviceProvider)
    {
        _settings = settings;
        _stateStore = stateStore;
        _exchangeLog = exchangeLog;
        _runtime = runtime;
        _fileProvider = fileProvider;
        _serviceProvider = serviceProvider;
    }

    #endregion

    public virtual ExchangeEndpoint Create() =>
        new(ExchangeOptionsFactory.From(_settings, _fileProvider.MapPath(StagingPath)), _stateStore, _exchangeLog, CreateHandlersAsync, _runtime);

    /// <summary>
    /// The request's catalog and order handlers, run as the store's background-task customer: nopCommerce's services
    /// that ask for the current customer get it, never a new guest. The system account is read once into the static cache.
    /// </summary>
    protected virtual async Task<ExchangeHandlers> CreateHandlersAsync(CancellationToken cancellationToken)
    {
        var staticCacheManager = _serviceProvider.GetRequiredService<IStaticCacheManager>();
        var customerService = _serviceProvider.GetRequiredService<ICustomerService>();
        await _serviceProvider.GetRequiredService<IWorkContext>().SetCurrentCustomerAsync(await staticCacheManager.GetAsync(
            staticCacheManager.PrepareKeyForDefaultCache(OneCExchangeDefaults.BackgroundTaskUserCacheKey),
            customerService.GetOrCreateBackgroundTaskUserAsync));
        return _serviceProvider.GetRequiredService<ExchangeHandlers>();
    }

    public virtual long MaxRequestBodySize => Math.Max(1024, _settings.FileSizeLimitBytes) + ExchangeOptionsFactory.RequestSizeMargin;
}
