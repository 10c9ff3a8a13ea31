using System.Security.Cryptography;
using OneCExchange.Core.Exchange;
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

    public AdminExchange(ExchangeOptions options, IExchangeStateStore state, IExchangeLog log, ExchangeHandlers handlers,
        ExchangeRuntime runtime)
    {
        _options = options;
        _state = state;
        _log = log;
        _runtime = runtime;
        _staging = new StagingArea(options.StagingRoot);
        _imports = new ImportSteps(options, state, handlers, runtime);
    }

    private DateTimeOffset Now => _runtime.Time.GetUtcNow();

    /// <summary>Opens a catalog session as checkauth does; null when another catalog exchange holds the lock.</summary>
    /// <param name="startedBy">Who started it, shown in the history as the session's address.</param>
    public async Task<ExchangeSession?> StartAsync(string startedBy, CancellationToken ct)
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
            LockExpiresAt = now + _options.SessionLockTimeout,
            RemoteAddress = startedBy,
        };
        if (!await _state.TryStartAsync(session, now, ct))
            return null;
        _runtime.LiveImports.CloseOthers(ExchangeType.Catalog, id);
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
        RunAsync(session, "import", fileName, async trace =>
        {
            if (await LockTakenByOtherAsync(session, ct))
                return Answer.Failure("Уже идёт другой обмен каталогом; повторите позже.");
            return await _imports.ImportAsync(session, fileName, trace, ct);
        });

    /// <summary>Ends the exchange (mode=complete): a full package applies the "missing items" policy.</summary>
    public Task<AdminAnswer> CompleteAsync(ExchangeSession session, CancellationToken ct) =>
        RunAsync(session, "complete", null, async _ => await _imports.CompleteAsync(session, ct));

    private async Task<bool> LockTakenByOtherAsync(ExchangeSession session, CancellationToken ct) =>
        session.LockExpiresAt <= Now && await _state.FindActiveAsync(session.Type, Now, ct) is { } active && active.Id != session.Id;

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
        session.LockExpiresAt = answer.Outcome == ExchangeOutcome.Failure || session.Completed ? now : now + _options.SessionLockTimeout;
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
