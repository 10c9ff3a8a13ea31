using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Core's catalog import and completion with the options of the current settings. Options need the store's currencies
/// (an async read), so an import reads them when its first step runs.
/// </summary>
public class NopCatalogExchange : IFileImportFactory, ICatalogCompletion
{
    #region Fields

    protected readonly ICatalogImportOptionsFactory _optionsFactory;
    protected readonly RequestScopedCatalogStore _store;
    protected readonly CatalogSessions _sessions;
    protected readonly TimeProvider _clock;

    #endregion

    #region Ctor

    public NopCatalogExchange(ICatalogImportOptionsFactory optionsFactory, RequestScopedCatalogStore store, CatalogSessions sessions,
        TimeProvider clock)
    {
        _optionsFactory = optionsFactory;
        _store = store;
        _sessions = sessions;
        _clock = clock;
    }

    #endregion

    public virtual IFileImport Open(FileImportRequest request) =>
        new OptionsDeferredImport(async () => new CatalogFileImportFactory(_store, await _optionsFactory.CreateAsync(), _sessions, _clock).Open(request));

    public virtual async Task<string> CompleteAsync(CatalogCompletion completion, CancellationToken cancellationToken) =>
        await new CatalogCompletionService(_store, await _optionsFactory.CreateAsync(), _sessions).CompleteAsync(completion, cancellationToken);

    /// <summary>Opens the real import on the first step, in the request that runs it.</summary>
    private sealed class OptionsDeferredImport(Func<Task<IFileImport>> open) : IFileImport
    {
        private Func<Task<IFileImport>>? _open = open;
        private IFileImport? _import;

        public long ItemsCompleted => _import?.ItemsCompleted ?? 0;

        public string ProgressMessage => _import?.ProgressMessage ?? "Загрузка каталога начата";

        public ImportCounters Counters => _import?.Counters ?? new ImportCounters();

        public string? SessionState => _import?.SessionState;

        public async Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
        {
            if (_import is null)
            {
                _import = await _open!();
                _open = null;
            }
            return await _import.RunAsync(deadline, cancellationToken);
        }

        public void Dispose() => _import?.Dispose();
    }
}
