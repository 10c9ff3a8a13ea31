using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Staging;

namespace OneCExchange.Core.Catalog;

/// <summary>Opens catalog file imports for the protocol (type=catalog).</summary>
/// <remarks>
/// An import the protocol keeps open lives across requests, so <paramref name="store"/> must stay valid for the life of
/// the process (a host with a request-scoped store passes one that resolves the current request's store per call).
/// <paramref name="clock"/> must be the clock the protocol computes step deadlines with (default: the system clock).
/// </remarks>
public sealed class CatalogFileImportFactory(ICatalogStore store, CatalogImportOptions options, CatalogSessions sessions,
    TimeProvider? clock = null) : IFileImportFactory
{
    public IFileImport Open(FileImportRequest request)
    {
        if (request.Type != ExchangeType.Catalog)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.FileNotCatalog, request.RelativePath));
        var path = StagingPath.Within(request.SessionFolder, request.RelativePath)
            ?? throw new ImportException(ExchangeMessage.Of(MessageKeys.FileNameInvalid, request.RelativePath));
        if (!File.Exists(path))
            throw new ImportException(ExchangeMessage.Of(MessageKeys.FileNotUploaded, request.RelativePath));
        if (request.ForgetCachedState)
            sessions.Forget(request.SessionId);
        return new CatalogFileImport(request, path, store, options, sessions.GetOrCreate(request.SessionId, request.SavedState), clock);
    }
}
