using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Staging;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// The site side of 1C's "exchange with a website" protocol (type=catalog, sale, get_catalog and listen), host-neutral: the host
/// turns its HTTP request into an <see cref="ExchangeRequest"/> and writes back the <see cref="ExchangeResponse"/>.
/// Every outcome, including unexpected errors, is a 200 answer 1C understands (a listen that found no order: 304) and a log record.
/// </summary>
public sealed class ExchangeEndpoint
{
    private static readonly HashSet<string> CatalogModes = ["checkauth", "init", "file", "import", "deactivate", "complete"];
    private static readonly HashSet<string> SaleModes = ["checkauth", "init", "query", "success", "file", "import", "info"];
    private static readonly HashSet<string> GetCatalogModes = ["checkauth", "init", "query"];

    private readonly ExchangeOptions _options;
    private readonly IExchangeStateStore _state;
    private readonly IExchangeLog _log;
    private readonly Func<CancellationToken, Task<ExchangeHandlers>> _createHandlers;
    private readonly ExchangeRuntime _runtime;
    private readonly StagingArea _staging;
    private readonly SessionGate _gate;
    private readonly RequestGuard _guard;
    private DataSide? _dataSide;

    public ExchangeEndpoint(ExchangeOptions options, IExchangeStateStore state, IExchangeLog log, ExchangeHandlers handlers,
        ExchangeRuntime runtime)
        : this(options, state, log, _ => Task.FromResult(handlers), runtime)
    {
    }

    /// <param name="createHandlers">
    /// Builds the data side on the first request that needs it: a file chunk, init or a refused request never calls it,
    /// so the host composes its catalog and order services only for the requests that use them.
    /// </param>
    public ExchangeEndpoint(ExchangeOptions options, IExchangeStateStore state, IExchangeLog log,
        Func<CancellationToken, Task<ExchangeHandlers>> createHandlers, ExchangeRuntime runtime)
    {
        _options = options;
        _state = state;
        _log = log;
        _createHandlers = createHandlers;
        _runtime = runtime;
        _staging = new StagingArea(options.StagingRoot);
        _gate = new SessionGate(options, state, runtime, _staging);
        _guard = new RequestGuard(options, state, runtime.Time);
    }

    /// <summary>The catalog and order handlers and the protocol steps over them.</summary>
    private sealed record DataSide(ExchangeHandlers Handlers, ImportSteps Imports, ListenHandler Listen, CatalogExportConversation CatalogExport);

    private async Task<DataSide> DataSideAsync(CancellationToken ct)
    {
        if (_dataSide is null)
        {
            var handlers = await _createHandlers(ct);
            _dataSide = new DataSide(handlers, new ImportSteps(_options, _state, handlers, _runtime),
                new ListenHandler(_options, _runtime, _gate, handlers.PendingOrders),
                new CatalogExportConversation(_options, handlers.CatalogExport, _runtime.Time));
        }
        return _dataSide;
    }

    public async Task<ExchangeResponse> HandleAsync(ExchangeRequest request, CancellationToken cancellationToken)
    {
        var mode = request["mode"] ?? "";
        var trace = new RequestTrace(mode, request.RemoteAddress?.ToString(), Now);
        Answer answer;
        try
        {
            answer = await DispatchAsync(request, mode, trace, cancellationToken);
        }
        catch (Exception exception) when (exception is StagingException or ImportException)
        {
            answer = Answer.Failure(exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            trace.Error = "The request was aborted by the client.";
            answer = Answer.Failure("Запрос прерван.");
        }
        catch (Exception exception)
        {
            trace.Error = exception.ToString();
            answer = Answer.Failure("Внутренняя ошибка обмена на сайте; подробности в журнале обмена.");
        }
        if (answer.Document is { } document)
            return DocumentResponse(document, answer, trace);
        await FinishAsync(trace, answer);
        return ToResponse(answer);
    }

    private DateTimeOffset Now => _runtime.Time.GetUtcNow();

    private async Task<Answer> DispatchAsync(ExchangeRequest request, string mode, RequestTrace trace, CancellationToken ct)
    {
        if (RefuseExchange(request) is { } refusal)
            return refusal;

        var typeName = request["type"];
        ExchangeType type;
        switch (typeName)
        {
            case "catalog": type = ExchangeType.Catalog; break;
            case "sale": type = ExchangeType.Sale; break;
            case "get_catalog": type = ExchangeType.GetCatalog; break;
            case "listen":
                trace.Type = ExchangeType.Listen;
                return await (await DataSideAsync(ct)).Listen.HandleAsync(request, ct);
            case null or "": return Answer.Failure("Не указан тип обмена (type).");
            default: return Answer.Failure($"Неизвестный тип обмена: {typeName}.");
        }
        trace.Type = type;
        if (mode.Length == 0)
            return Answer.Failure("Не указан режим обмена (mode).");
        if (!(type switch { ExchangeType.Catalog => CatalogModes, ExchangeType.GetCatalog => GetCatalogModes, _ => SaleModes }).Contains(mode))
            return Answer.Failure($"Неизвестный режим обмена: {mode}.");

        if (mode == "checkauth")
            return await CheckAuthAsync(request, type, trace, ct);

        var (current, notAuthenticated) = await _gate.AuthenticateAsync(request, ct);
        if (current is null)
            return notAuthenticated!;
        trace.Session = current;
        trace.FileName = request["filename"];
        // Staging a chunk of the new protocol touches only the session's own folder: it needs no guard (and stays cheap).
        if (!(mode == "file" && !ImportsAtUpload(current, type)))
        {
            var (held, wait) = await _guard.EnterAsync(type, ct);
            if (held is null)
                return RequestGuard.Busy(type, wait);
            trace.Guard = held;
        }
        return await RunModeAsync(current, type, mode, request, trace, ct);
    }

    /// <summary>Refuses every request while the exchange is off or not configured, or the address is locked out.</summary>
    private Answer? RefuseExchange(ExchangeRequest request)
    {
        if (!_options.Enabled)
            return Answer.Failure("Обмен с 1С выключен в настройках магазина");
        if (string.IsNullOrEmpty(_options.Login) || string.IsNullOrEmpty(_options.PasswordHash))
            return Answer.Failure("Обмен не настроен: в настройках магазина не заданы логин и пароль обмена");
        return _gate.RefuseAddress(request.RemoteAddress) is { } refused ? Answer.Failure(refused) : null;
    }

    /// <summary>mode=checkauth: opens the session, then finishes what earlier sessions left behind.</summary>
    private async Task<Answer> CheckAuthAsync(ExchangeRequest request, ExchangeType type, RequestTrace trace, CancellationToken ct)
    {
        var (answer, session, superseded) = await _gate.CheckAuthAsync(request, type, ct);
        trace.Session = session;
        if (session is not null)
        {
            await RecordSupersededAsync(superseded, session, trace);
            await CompletePendingAsync(session, trace, ct);
            await DeleteExpiredAsync(trace, ct);
        }
        return answer;
    }

    /// <summary>Runs an authenticated session's mode (the type and mode already checked).</summary>
    private async Task<Answer> RunModeAsync(ExchangeSession current, ExchangeType type, string mode, ExchangeRequest request,
        RequestTrace trace, CancellationToken ct)
    {
        if (type != ExchangeType.GetCatalog && mode == "init")
            return await InitAsync(current, request, ct);
        if (mode == "file")
            return await FileAsync(current, type, request, trace, ct);
        var data = await DataSideAsync(ct);
        return (type, mode) switch
        {
            (ExchangeType.GetCatalog, "init") => data.CatalogExport.Init(current),
            (ExchangeType.GetCatalog, "query") => await data.CatalogExport.QueryAsync(current, ct),
            (_, "import") => await data.Imports.ImportAsync(current, type, request["filename"], trace, ct),
            (ExchangeType.Catalog, "deactivate") => await data.Imports.DeactivateAsync(current, ct),
            (ExchangeType.Catalog, "complete") => await data.Imports.CompleteAsync(current, ct),
            (ExchangeType.Sale, "query") => Answer.ForDocument(await data.Handlers.Orders.QueryAsync(new OrderQuery(current.Id, current.SchemaVersion), ct)),
            (ExchangeType.Sale, "success") => await ConfirmOrdersAsync(data.Handlers, current, ct),
            (ExchangeType.Sale, "info") => Answer.ForDocument(await data.Handlers.Orders.InfoAsync(new OrderQuery(current.Id, current.SchemaVersion), ct)),
            _ => Answer.Failure($"Неизвестный режим обмена: {mode}."),
        };
    }

    /// <summary>Shows each superseded session as such in its history (a record of its own, not a failure).</summary>
    private async Task RecordSupersededAsync(IReadOnlyList<string> superseded, ExchangeSession by, RequestTrace trace)
    {
        foreach (var id in superseded)
        {
            try
            {
                await _log.RecordAsync(new ExchangeLogEntry(id, by.Type, "superseded", trace.RemoteAddress, Now, TimeSpan.Zero,
                    ExchangeOutcome.Success, ExchangeMessage.Of(MessageKeys.SessionSupersededBy, by.Id).ToString()),
                    CancellationToken.None);
            }
            catch
            {
                // As for every log record: the answer to 1C must not depend on the log.
            }
        }
    }

    /// <summary>The old sale protocol (no version at init) imports an upload within its file request.</summary>
    private static bool ImportsAtUpload(ExchangeSession session, ExchangeType type) =>
        type == ExchangeType.Sale && session.SchemaVersion is null;

    /// <summary>
    /// Old-style full exchanges left without complete are finished at a catalog checkauth, under the catalog guard; when
    /// a catalog request is running right now they wait for a later checkauth.
    /// </summary>
    private async Task CompletePendingAsync(ExchangeSession session, RequestTrace trace, CancellationToken ct)
    {
        if (session.Type != ExchangeType.Catalog)
            return;
        var (held, _) = await _guard.EnterAsync(ExchangeType.Catalog, ct);
        if (held is null)
            return;
        await using (held)
            await (await DataSideAsync(ct)).Imports.CompletePendingFullExchangesAsync(session, trace, ct);
    }

    /// <summary>Applies the log retention once per exchange; a failure here is logged and does not stop the exchange.</summary>
    private async Task DeleteExpiredAsync(RequestTrace trace, CancellationToken ct)
    {
        var before = Now - _options.LogRetention;
        try
        {
            await _state.DeleteSessionsSeenBeforeAsync(before, ct);
            await _log.DeleteBeforeAsync(before, ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            trace.Error = "Deleting old exchange records failed: " + exception;
        }
    }

    private async Task<Answer> InitAsync(ExchangeSession session, ExchangeRequest request, CancellationToken ct)
    {
        _runtime.LiveImports.CloseSession(session.Id);
        _staging.Reset(session.StagingFolder);
        await _state.DeleteCheckpointsAsync(session.Id, ct);
        session.StagedBytes = 0;
        session.SchemaVersion = string.IsNullOrWhiteSpace(request["version"]) ? null : request["version"]!.Trim();
        var lines = new List<string> { "zip=" + (_options.UseZip ? "yes" : "no"), "file_limit=" + _options.FileSizeLimitBytes };
        if (session.SchemaVersion is not null)
        {
            lines.Add("sessid=" + session.SessId);
            lines.Add("version=" + session.SchemaVersion);
        }
        return Answer.Lines([.. lines]);
    }

    private async Task<Answer> FileAsync(ExchangeSession session, ExchangeType type, ExchangeRequest request, RequestTrace trace, CancellationToken ct)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
            return Answer.Failure("Файл передаётся методом POST (тело запроса — содержимое файла).");
        if (session.StagedBytes > 0 && !Directory.Exists(session.StagingFolder))
            return Answer.Failure(StagingArea.MissingFolderReason(session.StagingFolder));
        // Old sale protocol (no version at init): the upload is processed at once, 1C sends no mode=import.
        var processNow = ImportsAtUpload(session, type);
        if (processNow)
            session.StagedBytes -= ImportSteps.ForgetUpload(session, request["filename"]);
        var quota = new StagingQuota(_options.FileSizeLimitBytes, _options.MaxFileBytes,
            Math.Max(0, _options.MaxSessionBytes - session.StagedBytes));
        Directory.CreateDirectory(session.StagingFolder);
        var chunk = await _staging.AppendAsync(session.StagingFolder, request["filename"] ?? "", request.Body,
            request.ContentLength, quota, ct);
        session.StagedBytes += chunk.BytesWritten;
        trace.BytesReceived = chunk.BytesWritten;
        trace.FileSizeBytes = chunk.FileSize;
        return processNow ? await (await DataSideAsync(ct)).Imports.ImportUploadAsync(session, type, chunk.RelativePath, trace, ct) : Answer.Success();
    }

    private static async Task<Answer> ConfirmOrdersAsync(ExchangeHandlers handlers, ExchangeSession session, CancellationToken ct)
    {
        await handlers.Orders.ConfirmAsync(session.Id, ct);
        return Answer.Success();
    }

    /// <summary>
    /// The document goes to the response as it is built, so 1C gets the first byte at once and the site holds no copy
    /// of it. The session, the log record and the request guard wait for the end of the body. An error while writing
    /// is logged and rethrown: the host then drops the connection, so 1C never takes a cut document for a whole one
    /// (it calls no success and the orders stay due).
    /// </summary>
    private ExchangeResponse DocumentResponse(OrderExportDocument document, Answer answer, RequestTrace trace) => new()
    {
        ContentType = document.ContentType,
        ContentLength = document.Length,
        WriteBodyAsync = async (stream, ct) =>
        {
            var outcome = answer;
            try
            {
                await document.WriteToAsync(stream, ct);
            }
            catch (Exception exception)
            {
                trace.Error = exception is OperationCanceledException && ct.IsCancellationRequested
                    ? "The request was aborted by the client." : exception.ToString();
                outcome = Answer.Failure("Передача документа прервана: 1С не получила его целиком.");
                throw;
            }
            finally
            {
                await FinishAsync(trace, outcome);
            }
        },
    };

    /// <summary>Saves the session and the log record, then releases the request guard.</summary>
    private async Task FinishAsync(RequestTrace trace, Answer answer)
    {
        try
        {
            await SaveAsync(trace, answer);
        }
        finally
        {
            if (trace.Guard is { } guard)
                await guard.DisposeAsync();
        }
    }

    private async Task SaveAsync(RequestTrace trace, Answer answer)
    {
        var session = trace.Session;
        if (session is not null && trace.Mode != "checkauth")
        {
            var now = Now;
            session.LastSeenAt = now;
            if (answer.Outcome == ExchangeOutcome.Failure)
                session.HadFailure = true;
            try
            {
                await _state.UpdateAsync(session, CancellationToken.None);
            }
            catch (Exception exception)
            {
                trace.Error = (trace.Error is null ? "" : trace.Error + "\n") + "Saving the session failed: " + exception;
            }
        }
        try
        {
            await _log.RecordAsync(trace.ToEntry(answer, Now), CancellationToken.None);
        }
        catch
        {
            // The answer to 1C must not depend on the log: a failing log store cannot turn a done import into a failure.
        }
    }

    private ExchangeResponse ToResponse(Answer answer)
    {
        if (answer.Outcome == ExchangeOutcome.NotModified)
            return new ExchangeResponse { StatusCode = 304, ContentType = "text/plain", Text = "", WriteBodyAsync = (_, _) => Task.CompletedTask };
        return ExchangeResponse.FromText(answer.Text, ResponseEncodings.Get(_options.ResponseEncoding), answer.Cookies);
    }
}
