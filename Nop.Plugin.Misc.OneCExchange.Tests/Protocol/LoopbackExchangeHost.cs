using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.OneCExchange.Controllers;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;
using OneCExchange.Core.Security;
using OneCExchange.Synthetic;
using OneCExchange.Tests.Protocol.Fakes;

namespace OneCExchange.Tests.Protocol;

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) serving /1c-exchange and /bitrix/admin/1c_exchange.php with Core's endpoint
/// through the plugin's HTTP adapter, over in-memory fakes that record what was applied.
/// </summary>
public sealed class LoopbackExchangeHost : IAsyncDisposable
{
    public const string Login = "exchange";
    public const string Password = "s3cret-Пароль";
    private static readonly string PasswordHash = PasswordHasher.Hash(Password);

    private readonly WebApplication _app;

    private LoopbackExchangeHost(WebApplication app, string stagingRoot, InMemoryExchangeStateStore state)
    {
        _app = app;
        StagingRoot = stagingRoot;
        State = state;
        Options = new ExchangeOptions
        {
            Login = Login,
            PasswordHash = PasswordHash,
            StagingRoot = stagingRoot,
            FileSizeLimitBytes = 64 * 1024,
            MaxFailedLoginAttempts = 3,
            // A busy guard is answered after a short wait, so tests of it stay quick.
            RequestGuardWait = TimeSpan.FromMilliseconds(300),
        };
        Runtime = new ExchangeRuntime(Time);
    }

    public string StagingRoot { get; }
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    public ExchangeOptions Options { get; set; }
    public ExchangeRuntime Runtime { get; private set; }
    /// <summary>The "database": several hosts may share one, as the processes of a web farm do.</summary>
    public InMemoryExchangeStateStore State { get; }
    public RecordingExchangeLog Log { get; } = new();
    public ElementCountingImportFactory CatalogImports { get; } = new();
    public ElementCountingImportFactory SaleImports { get; } = new();
    public RecordingCatalogCompletion Completion { get; } = new();
    public FakeOrderExchange Orders { get; } = new();

    /// <summary>Replaces the catalog import (e.g. with the real pipeline or a reader-based one).</summary>
    public IFileImportFactory? CatalogImportOverride { get; set; }

    /// <summary>Replaces the catalog completion (e.g. with Core's real one over the same store as the import).</summary>
    public ICatalogCompletion? CompletionOverride { get; set; }

    /// <summary>
    /// Opened at the start of every request and disposed at its end, like a DI scope of a real host: request-scoped
    /// fakes (e.g. a store that refuses use after its request) hang on it.
    /// </summary>
    public Func<IAsyncDisposable>? RequestScope { get; set; }

    /// <summary>Replace the order exchange and the sale import (e.g. with Core's real ones over in-memory stores).</summary>
    public IOrderExchange? OrdersOverride { get; set; }
    public IFileImportFactory? SaleImportOverride { get; set; }

    /// <summary>What type=listen asks and type=get_catalog reads; null answers them with failure.</summary>
    public IPendingOrders? PendingOrders { get; set; }
    public ICatalogExportSource? CatalogExport { get; set; }

    private int _handlerBuilds;

    /// <summary>How many requests built the data side (the host's catalog and order services).</summary>
    public int HandlerBuilds => Volatile.Read(ref _handlerBuilds);

    public Uri BaseAddress { get; private set; } = null!;
    public Uri ExchangeUrl => new(BaseAddress, "1c-exchange");
    public Uri BitrixUrl => new(BaseAddress, "bitrix/admin/1c_exchange.php");

    /// <summary>What a store restart does to the exchange: process memory (open imports) is gone, the tables stay.</summary>
    public void Restart() => Runtime = new ExchangeRuntime(Time);

    public static async Task<LoopbackExchangeHost> StartAsync(string stagingRoot, InMemoryExchangeStateStore? sharedState = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var host = new LoopbackExchangeHost(app, stagingRoot, sharedState ?? new InMemoryExchangeStateStore());
        app.Map("/1c-exchange", host.HandleAsync);
        app.Map("/bitrix/admin/1c_exchange.php", host.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    private async Task HandleAsync(HttpContext context)
    {
        await using var scope = RequestScope?.Invoke();
        var endpoint = new ExchangeEndpoint(Options, State, Log, _ =>
        {
            Interlocked.Increment(ref _handlerBuilds);
            return Task.FromResult(new ExchangeHandlers(CatalogImportOverride ?? CatalogImports, SaleImportOverride ?? SaleImports,
                CompletionOverride ?? Completion, OrdersOverride ?? Orders, PendingOrders, CatalogExport));
        }, Runtime);
        var response = await endpoint.HandleAsync(HttpExchangeAdapter.ToExchangeRequest(context.Request), context.RequestAborted);
        await HttpExchangeAdapter.WriteAsync(response, context.Response, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
