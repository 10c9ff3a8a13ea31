using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using OneCExchange.Core.CatalogExport;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Catalog;
using OneCExchange.Tests.EndToEnd;
using OneCExchange.Tests.Orders;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using OneCExchange.Core.Security;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.Plugin.Exchange;
using OneCExchange.Tests.PluginCatalog.Fakes;
using OneCExchange.Tests.Protocol;
using OneCExchange.Tests.Protocol.Fakes;

namespace OneCExchange.Tests.Plugin;

/// <summary>
/// The plugin's exchange middleware, NopStartup registrations, state store and exchange log in a real ASP.NET Core
/// host (Kestrel on a free loopback port), called as 1C calls them; nopCommerce's services are in-memory fakes.
/// </summary>
public class ExchangeEndpointTests
{
    private const string Password = "pa55-word";
    private string _root = null!;
    private WebApplication? _app;
    private HttpClient _http = null!;
    private Uri _base = null!;

    private InMemoryRepository<OneCExchangeSession> _sessions = null!;
    private InMemoryRepository<OneCFileCheckpoint> _checkpoints = null!;
    private InMemoryRepository<OneCExchangeLogRecord> _logRecords = null!;
    private InMemoryRepository<OneCExchangeLogEntry> _logEntries = null!;
    private InMemoryRepository<OneCRequestGuard> _guards = null!;
    private InMemoryRepository<OneCLoginFailure> _loginFailures = null!;
    private ElementCountingImportFactory _catalogImports = null!;

    private OneCExchangeSettings _settings = null!;
    private List<Language> _languages = null!;

    [SetUp]
    public void CreateFolder()
    {
        _root = Directory.CreateTempSubdirectory("onec-plugin-exchange-").FullName;
        _sessions = new();
        _checkpoints = new();
        _logRecords = new();
        _logEntries = new();
        _guards = new();
        _loginFailures = new();
        _catalogImports = new();
        _languages = [new Language { LanguageCulture = "en-US", DisplayOrder = 1 }];
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        _settings = new OneCExchangeSettings
        {
            Enabled = true, Login = "exchange", PasswordHash = PasswordHasher.Hash(Password), UseZip = false, FileSizeLimitBytes = 10_000,
        };
        lock (RecordingWorkContext.CustomersSet)
            RecordingWorkContext.CustomersSet.Clear();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // An import left open by a simulated restart may still hold a file.
        }
    }

    /// <summary>Starts the host; a second start is a store restart: new process memory, same tables and files.</summary>
    private async Task StartAsync() => await StartAsync(realHandlers: null);

    /// <param name="realHandlers">When set, the plugin's own catalog and order wiring from NopStartup runs over this store.</param>
    private async Task StartAsync(InMemoryCatalogStore? realHandlers)
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        new NopStartup().ConfigureServices(builder.Services, builder.Configuration);
        builder.Services.AddSingleton(_settings);
        builder.Services.AddSingleton<IRepository<OneCExchangeSession>>(_sessions);
        builder.Services.AddSingleton<IRepository<OneCFileCheckpoint>>(_checkpoints);
        builder.Services.AddSingleton<IRepository<OneCExchangeLogRecord>>(_logRecords);
        builder.Services.AddSingleton<IRepository<OneCExchangeLogEntry>>(_logEntries);
        builder.Services.AddSingleton<IRepository<OneCRequestGuard>>(_guards);
        builder.Services.AddSingleton<IRepository<OneCLoginFailure>>(_loginFailures);
        builder.Services.AddSingleton<ICustomerService, FakeCustomerService>();
        builder.Services.AddSingleton<IStaticCacheManager, FakeStaticCacheManager>();
        // The session and log writes' set-based updater: "InMemory" makes it use the repositories, as on SQL Server.
        builder.Services.TryAddSingleton<INopDataProvider>(new FakeDataProvider());
        builder.Services.TryAddSingleton<IEventPublisher, FakeEventPublisher>();
        builder.Services.AddScoped<IWorkContext, RecordingWorkContext>();
        builder.Services.AddSingleton<INopFileProvider>(new FolderFileProvider(_root));
        builder.Services.AddSingleton<ILanguageService>(new FakeLanguageService(_languages));
        if (realHandlers is null)
            builder.Services.AddSingleton(new ExchangeHandlers(_catalogImports, new ElementCountingImportFactory(),
                new RecordingCatalogCompletion(), new FakeOrderExchange()));
        else
        {
            builder.Services.AddScoped<ICatalogStore>(_ => new OneRequestCatalogStore(realHandlers, () => { }));
            builder.Services.AddSingleton(new CurrencySettings { PrimaryStoreCurrencyId = 1 });
            builder.Services.AddSingleton<ICurrencyService>(new FakeCurrencyService(new Currency { Id = 1, CurrencyCode = "RUB", Rate = 1 }));
            builder.Services.AddSingleton<IOrderSource>(new InMemoryOrderSource());
            builder.Services.AddSingleton<TimeProvider>(new HurriedClock());
            builder.Services.AddSingleton<IPendingOrders>(new SwitchablePendingOrders());
            builder.Services.AddSingleton<ICatalogExportSource>(new UnusedCatalogExport());
        }
        _app = builder.Build();
        new InstalledStoreStartup().Configure(_app);
        await _app.StartAsync();
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    private ExchangeClient Client(string path = "1c-exchange", string password = Password) =>
        new(_http, new Uri(_base, path), "exchange", password);

    [Test]
    public async Task A_catalog_exchange_through_the_middleware_is_stored_in_the_plugin_tables_and_survives_a_restart()
    {
        await StartAsync();
        var package = TestPackages.WriteCatalogPackage(Path.Combine(_root, "package"), products: 300);
        var client = Client("bitrix/admin/1c_exchange.php");
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        var (_, limit) = await client.InitAsync("3.1", CancellationToken.None);
        Assert.That(limit, Is.EqualTo(_settings.FileSizeLimitBytes));
        await client.UploadAsync(Path.Combine(package, "import.xml"), "import.xml", limit, CancellationToken.None);

        await StartAsync();
        var session = _sessions.Rows.Single();
        Assert.That((session.TypeId, session.SchemaVersion, session.Completed), Is.EqualTo(((int)ExchangeType.Catalog, "3.1", false)));

        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"1c-exchange?type=catalog&mode=import&filename=import.xml&sessid={session.SessId}")))
        {
            request.Headers.Add("Cookie", $"ONEC_EXCHANGE={session.CookieToken}");
            using var response = await _http.SendAsync(request);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("progress\n"));
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        }
        var checkpoint = _checkpoints.Rows.Single();
        Assert.That((checkpoint.SessionId, checkpoint.RelativePath, checkpoint.StatusId), Is.EqualTo((session.SessionId, "import.xml", (int)FileImportStatus.Running)));
        var itemsBeforeRestart = checkpoint.ItemsCompleted;

        await StartAsync();
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "1c-exchange?type=catalog&mode=import&filename=import.xml")))
        {
            request.Headers.Authorization = RawExchangeClient.Basic("exchange", Password);
            string text;
            do
            {
                using var step = new HttpRequestMessage(HttpMethod.Get, request.RequestUri);
                step.Headers.Authorization = request.Headers.Authorization;
                text = await (await _http.SendAsync(step)).Content.ReadAsStringAsync();
            }
            while (text.StartsWith("progress"));
            Assert.That(text, Does.StartWith("success\n"));
        }

        var applied = _catalogImports.AppliedTo("import.xml");
        Assert.That(applied, Has.Count.EqualTo(TestPackages.ElementCount(Path.Combine(package, "import.xml"))));
        Assert.That(applied, Is.Unique);
        Assert.That(_catalogImports.Opened.Select(o => o.ResumeAfterItems).ToList(), Is.EqualTo(new[] { 0L, itemsBeforeRestart }),
            "after the restart the import resumed from the stored checkpoint");
        Assert.That(_checkpoints.Rows.Single().StatusId, Is.EqualTo((int)FileImportStatus.Done));
        Assert.That(Directory.Exists(Path.Combine(_root, "App_Data", "OneCExchange", session.SessionId)), "staged under App_Data");

        var record = _logRecords.Rows.Single();
        Assert.That(record.SessionId, Is.EqualTo(session.SessionId));
        Assert.That(record.RequestCount, Is.EqualTo(_logEntries.Rows.Count(e => e.SessionId == session.SessionId)));
        Assert.That(record.BytesReceived, Is.EqualTo(new FileInfo(Path.Combine(package, "import.xml")).Length));
        Assert.That(record.ItemsUpdated, Is.EqualTo(applied.Count));
        Assert.That(record.FileCount, Is.EqualTo(1));
        Assert.That(_logEntries.Rows.Where(e => e.OutcomeId == (int)ExchangeOutcome.Failure), Is.Empty);
        Assert.That(_guards.Rows, Is.Empty, "no request guard outlives its request");
    }

    [Test]
    public async Task The_plugin_wiring_imports_a_catalog_over_several_requests_with_each_request_s_own_store()
    {
        var store = new InMemoryCatalogStore();
        _settings.StepTimeBudgetSeconds = 1;
        await StartAsync(realHandlers: store);
        var package = TestPackages.WriteCatalogPackage(Path.Combine(_root, "package"), products: 200);

        var client = Client();
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        var (_, limit) = await client.InitAsync("2.08", CancellationToken.None);
        await client.UploadAsync(Path.Combine(package, "import.xml"), "import.xml", limit, CancellationToken.None);
        var answer = await client.ImportAsync("import.xml", CancellationToken.None);

        var products = System.Xml.Linq.XDocument.Load(Path.Combine(package, "import.xml")).Descendants().Count(e => e.Name.LocalName == "Товар");
        Assert.That(answer, Does.Contain($"создано {products},"));
        Assert.That(store.Products, Has.Count.EqualTo(products));
        Assert.That(_logEntries.Rows.Count(e => e.Mode == "import"), Is.GreaterThan(1), "the import took several requests");
    }

    /// <summary>type=get_catalog is not part of these tests (see GetCatalogTests).</summary>
    private sealed class UnusedCatalogExport : ICatalogExportSource
    {
        public Task<ExportClassifier> GetClassifierAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ExportOfferTerms> GetOfferTermsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ExportPage<ExportProduct>> GetProductsAsync(int afterProductId, int count, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ExportPage<ExportOffer>> GetOffersAsync(int afterProductId, int count, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>A clock that moves a second at every reading: each 1 s step ends after its first item.</summary>
    private sealed class HurriedClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow()
        {
            lock (this)
                return _now = _now.AddSeconds(1);
        }
    }

    private sealed class FakeCurrencyService(params Currency[] currencies) : ICurrencyService
    {
        public Task<IList<Currency>> GetAllCurrenciesAsync(bool showHidden = false, int storeId = 0) =>
            Task.FromResult<IList<Currency>>(currencies);
    }

    [Test]
    public async Task Requests_that_use_the_store_s_services_run_as_the_background_task_customer_and_uploads_build_none()
    {
        await StartAsync();
        var package = TestPackages.WriteCatalogPackage(Path.Combine(_root, "package"), products: 20);
        var client = Client();
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        Assert.That(RecordingWorkContext.CustomersSet, Has.Count.EqualTo(1), "a catalog checkauth finishes what earlier sessions left");

        var (_, limit) = await client.InitAsync("3.1", CancellationToken.None);
        for (var i = 0; i < 5; i++)
            await client.UploadAsync(Path.Combine(package, "import.xml"), $"import_files/{i}.jpg", limit, CancellationToken.None);
        await client.UploadAsync(Path.Combine(package, "import.xml"), "import.xml", limit, CancellationToken.None);
        Assert.That(RecordingWorkContext.CustomersSet, Has.Count.EqualTo(1), "init and uploads never compose the catalog and order services");

        Assert.That(await client.ImportAsync("import.xml", CancellationToken.None), Does.Not.Contain("failure"));
        Assert.That(RecordingWorkContext.CustomersSet, Has.Count.GreaterThan(1));
        Assert.That(RecordingWorkContext.CustomersSet, Has.All.Property("Id").EqualTo(42));
        Assert.That(((FakeCustomerService)_app!.Services.GetRequiredService<ICustomerService>()).BackgroundTaskUserReads, Is.EqualTo(1),
            "read once into the static cache, not on every request");
    }

    [TestCase("GET", "1C-EXCHANGE/?type=catalog&mode=checkauth")]
    [TestCase("POST", "Bitrix/Admin/1C_Exchange.php?type=catalog&mode=checkauth")]
    public async Task Both_addresses_answer_in_any_letter_case_and_with_an_ending_slash(string method, string pathAndQuery)
    {
        await StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_base, pathAndQuery));
        request.Headers.Authorization = RawExchangeClient.Basic("exchange", Password);
        using var response = await _http.SendAsync(request);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("success\nONEC_EXCHANGE\n"));
    }

    [TestCase("GET", "/1c-exchange?type=catalog&mode=checkauth", "failure\nОбмен с 1С выключен в настройках магазина")]
    [TestCase("POST", "/bitrix/admin/1c_exchange.php?type=catalog&mode=file&filename=import.xml", "failure\nОбмен с 1С выключен в настройках магазина")]
    public async Task A_disabled_exchange_answers_failure_on_both_paths(string method, string pathAndQuery, string expected)
    {
        _settings.Enabled = false;
        await StartAsync();
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(_base, pathAndQuery.TrimStart('/')))
        {
            Content = method == "POST" ? new ByteArrayContent([1, 2, 3]) : null,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Answers_in_windows_1251_when_configured()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _settings.ResponseEncoding = "windows-1251";
        _settings.PasswordHash = "";
        await StartAsync();
        using var response = await _http.GetAsync(new Uri(_base, "1c-exchange?type=catalog&mode=checkauth"));
        Assert.That(response.Content.Headers.ContentType!.CharSet, Is.EqualTo("windows-1251"));
        Assert.That(Encoding.GetEncoding(1251).GetString(await response.Content.ReadAsByteArrayAsync()),
            Is.EqualTo("failure\nОбмен не настроен: в настройках магазина не заданы логин и пароль обмена"));
    }

    [Test]
    public async Task A_body_over_the_configured_limit_is_refused_with_a_protocol_answer()
    {
        await StartAsync();
        var client = Client();
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        var session = _sessions.Rows.Single();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "1c-exchange?type=catalog&mode=file&filename=import.xml"))
        {
            Content = new ByteArrayContent(new byte[_settings.FileSizeLimitBytes + 1]),
        };
        request.Headers.Add("Cookie", $"ONEC_EXCHANGE={session.CookieToken}");
        using var response = await _http.SendAsync(request);
        Assert.That(await response.Content.ReadAsStringAsync(),
            Is.EqualTo($"failure\nТело запроса ({_settings.FileSizeLimitBytes + 1} байт) больше file_limit ({_settings.FileSizeLimitBytes} байт)."));
    }

    [Test]
    public async Task An_exchange_request_runs_in_the_culture_nopCommerce_gives_a_request_the_store_s_first_language_by_display_order()
    {
        _languages.Clear();
        _languages.AddRange([new Language { LanguageCulture = "en-US", DisplayOrder = 2 }, new Language { LanguageCulture = "ru-RU", DisplayOrder = 1 }]);
        await StartAsync();
        using var response = await _http.GetAsync(new Uri(_base, "1c-exchange?type=catalog&mode=checkauth"));
        Assert.That(response.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "ru-RU" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("failure\n"));
    }

    [TestCase("GET", "1c-exchange/other")]
    [TestCase("GET", "bitrix/admin/1c_exchange.php.bak")]
    [TestCase("PUT", "1c-exchange?type=catalog&mode=checkauth")]
    public async Task Other_paths_and_methods_go_on_to_the_store(string method, string pathAndQuery)
    {
        await StartAsync();
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(_base, pathAndQuery)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(_logEntries.Rows, Is.Empty);
    }

    /// <summary>The pipeline of an installed store (the reference assemblies have no data settings to read).</summary>
    private sealed class InstalledStoreStartup : ExchangeEndpointStartup
    {
        protected override bool IsDatabaseInstalled() => true;
    }

    private sealed class FakeLanguageService(IList<Language> languages) : ILanguageService
    {
        public Task<IList<Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0) => Task.FromResult(languages);
    }
}
