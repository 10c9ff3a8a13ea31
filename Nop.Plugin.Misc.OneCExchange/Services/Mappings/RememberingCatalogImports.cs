using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Mappings;

/// <summary>The catalog imports, remembering the price types and warehouses a file defined once it is imported.</summary>
public class RememberingCatalogImports : IFileImportFactory
{
    #region Fields

    protected readonly IFileImportFactory _imports;
    protected readonly CatalogSessions _sessions;
    protected readonly SeenReferencesService _seenReferences;

    #endregion

    #region Ctor

    public RememberingCatalogImports(IFileImportFactory imports, CatalogSessions sessions, SeenReferencesService seenReferences)
    {
        _imports = imports;
        _sessions = sessions;
        _seenReferences = seenReferences;
    }

    #endregion

    public virtual IFileImport Open(FileImportRequest request) =>
        new RememberingImport(_imports.Open(request), () => _sessions.Find(request.SessionId) is { } session
            ? _seenReferences.RememberCatalogAsync(session)
            : Task.CompletedTask);

    private sealed class RememberingImport(IFileImport import, Func<Task> remember) : IFileImport
    {
        public long ItemsCompleted => import.ItemsCompleted;

        public string ProgressMessage => import.ProgressMessage;

        public ImportCounters Counters => import.Counters;

        public string? SessionState => import.SessionState;

        public async Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
        {
            var done = await import.RunAsync(deadline, cancellationToken);
            if (done)
                await remember();
            return done;
        }

        public void Dispose() => import.Dispose();
    }
}
