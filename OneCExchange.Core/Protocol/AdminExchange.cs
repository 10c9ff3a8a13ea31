using System.Security.Cryptography;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Staging;

namespace OneCExchange.Core.Protocol;

/// <summary>What one call of an administrator's exchange answered (as 1C would have read it).</summary>
public sealed record AdminAnswer(ExchangeOutcome Outcome, string? Message);

/// <summary>
/// A catalog exchange the store's administrator starts with a package uploaded by hand: the same session, lock,
/// staging, step-wise import with checkpoints, completion and exchange log as 1C's, without HTTP credentials (the host
/// has already checked that the caller is an administrator). Each call is one bounded step, as 1C's requests are.
/// </summary>
public sealed class AdminExchange
{
    private readonly ExchangeOptions _options;
    private readonly IExchangeStateStore _state;
    private readonly IExchangeLog _log;
    private readonly ExchangeRuntime _runtime;
    private readonly StagingArea _staging;
    private readonly ImportSteps _imports;
    private readonly RequestGuard _guard;

    public AdminExchange(ExchangeOptions options, IExchangeStateStore state, IExchangeLog log, ExchangeHandlers handlers,
        ExchangeRuntime runtime)
    {
        _options = options;
        _state = state;
        _log = log;
        _runtime = runtime;
        _staging = new StagingArea(options.StagingRoot);
        _imports = new ImportSteps(options, state, handlers, runtime);
        _guard = new RequestGuard(options, state, runtime.Time);
    }

    private DateTimeOffset Now => _runtime.Time.GetUtcNow();

    /// <summary>Opens a catalog session as checkauth does: an open catalog session of 1C's is superseded by it.</summary>
    /// <param name="startedBy">Who started it, shown in the history as the session's address.</param>
    public async Task<ExchangeSession> StartAsync(string startedBy, CancellationToken ct)
    {
        var now = Now;
        var id = Guid.NewGuid().ToString("N");
        var session = new ExchangeSession
        {
            Id = id,
            Type = ExchangeType.Catalog,
            CookieToken = RandomNumberGenerator.GetHexString(40, lowercase: true),
            SessId = RandomNumberGenerator.GetHexString(32, lowercase: true),
            CreatedAt = now,
            LastSeenAt = now,
            StagingFolder = _staging.FolderFor(id),
            RemoteAddress = startedBy,
        };
        foreach (var superseded in await _state.StartAsync(session, ct))
            _runtime.LiveImports.CloseSession(superseded);
        _staging.Reset(session.StagingFolder);
        return session;
    }

    /// <summary>Stages one uploaded file (mode=file); a zip is unpacked at once, so the package can be looked at before import.</summary>
    public Task<AdminAnswer> UploadAsync(ExchangeSession session, string fileName, Stream body, CancellationToken ct) =>
        RunAsync(session, "file", fileName, async trace =>
        {
            var quota = new StagingQuota(_options.MaxFileBytes, _options.MaxFileBytes,
                Math.Max(0, _options.MaxSessionBytes - session.StagedBytes));
            Directory.CreateDirectory(session.StagingFolder);
            var chunk = await _staging.AppendAsync(session.StagingFolder, fileName, body, null, quota, ct);
            session.StagedBytes += chunk.BytesWritten;
            trace.BytesReceived = chunk.BytesWritten;
            trace.FileSizeBytes = chunk.FileSize;
            foreach (var zip in StagingArea.PendingZips(session.StagingFolder))
            {
                var zipSize = new FileInfo(zip).Length;
                var allowance = Math.Max(0, _options.MaxSessionBytes - session.StagedBytes + zipSize);
                var unpacked = ZipUnpacker.Unpack(zip, session.StagingFolder, allowance, _options.MaxZipEntries, ct);
                session.StagedBytes += unpacked.Bytes - zipSize;
            }
            return Answer.Success();
        });

    /// <summary>One step of a file's import (mode=import): progress until the file is done.</summary>
    public Task<AdminAnswer> ImportAsync(ExchangeSession session, string fileName, CancellationToken ct) =>
        RunAsync(session, "import", fileName, trace => GuardedAsync(() => _imports.ImportAsync(session, ExchangeType.Catalog, fileName, trace, ct), ct));

    /// <summary>Ends the exchange (mode=complete): a full package applies the "missing items" policy.</summary>
    public Task<AdminAnswer> CompleteAsync(ExchangeSession session, CancellationToken ct) =>
        RunAsync(session, "complete", null, _ => GuardedAsync(() => _imports.CompleteAsync(session, ct), ct));

    /// <summary>Runs a step under the catalog request guard, as 1C's import requests do (one catalog step at a time).</summary>
    private async Task<Answer> GuardedAsync(Func<Task<Answer>> step, CancellationToken ct)
    {
        var (held, wait) = await _guard.EnterAsync(ExchangeType.Catalog, ct);
        if (held is null)
            return RequestGuard.Busy(ExchangeType.Catalog, wait);
        await using (held)
            return await step();
    }

    private async Task<AdminAnswer> RunAsync(ExchangeSession session, string mode, string? fileName,
        Func<RequestTrace, Task<Answer>> work)
    {
        var trace = new RequestTrace(mode, session.RemoteAddress, Now) { Session = session, Type = session.Type, FileName = fileName };
        Answer answer;
        try
        {
            answer = await work(trace);
        }
        catch (Exception exception) when (exception is StagingException or ImportException)
        {
            answer = Answer.Failure(exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            trace.Error = exception.ToString();
            answer = Answer.Failure("Внутренняя ошибка обмена на сайте; подробности в журнале обмена.");
        }
        var now = Now;
        session.LastSeenAt = now;
        if (answer.Outcome == ExchangeOutcome.Failure)
            session.HadFailure = true;
        await _state.UpdateAsync(session, CancellationToken.None);
        try
        {
            await _log.RecordAsync(trace.ToEntry(answer, now), CancellationToken.None);
        }
        catch
        {
            // As for 1C: a failing log store does not turn a done step into a failure.
        }
        return new AdminAnswer(answer.Outcome, answer.Message);
    }
}
