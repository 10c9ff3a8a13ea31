using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Staging;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// mode=import (time-boxed steps with durable checkpoints, zip unpacking first) and the end of a catalog exchange
/// (deactivate, complete, and the old-style full exchange).
/// </summary>
/// <remarks>
/// Old-style full exchange (no deactivate/complete from 1C): a file whose catalog or offer package says
/// СодержитТолькоИзменения="false" marks the session as full. 1C sends nothing after its last import, so the
/// "missing items" policy for such a session runs when the next catalog exchange starts (its checkauth), or at
/// once when the session itself sends complete. A session with any failure never deactivates anything.
/// </remarks>
internal sealed class ImportSteps(ExchangeOptions options, IExchangeStateStore state, ExchangeHandlers handlers,
    ExchangeRuntime runtime)
{
    private DateTimeOffset Now => runtime.Time.GetUtcNow();

    public async Task<Answer> ImportAsync(ExchangeSession session, ExchangeType type, string? fileName, RequestTrace trace, CancellationToken ct)
    {
        var relative = StagingPath.Normalize(fileName);
        if (!Directory.Exists(session.StagingFolder))
            return Answer.Failure(session.StagedBytes > 0
                ? StagingArea.MissingFolderReason(session.StagingFolder)
                : $"Файл {relative} не найден: сначала его нужно передать (mode=file).");
        // The budget counts from the request's start: what comes before the step (the session, the checkpoint) is in the answer's time too.
        var deadline = trace.StartedAt + options.StepTimeBudget;
        if (StagingArea.PendingZips(session.StagingFolder) is [var zip, ..])
            return Unpack(session, zip, deadline, ct);

        return await ImportFileAsync(session, type, relative, deadline, trace, ct);
    }

    /// <summary>
    /// The old sale protocol (no version at init): 1C never sends mode=import, so the uploaded file, or every XML file
    /// of an uploaded zip, is imported to the end within the upload request, step after step.
    /// </summary>
    public async Task<Answer> ImportUploadAsync(ExchangeSession session, ExchangeType type, string relative, RequestTrace trace, CancellationToken ct)
    {
        var uploadSize = trace.FileSizeBytes;
        List<string> files;
        try
        {
            files = IsTopLevelZip(relative) ? UnpackXmlFiles(session, relative, ct) : [relative];
        }
        catch (StagingException exception)
        {
            return Refuse(session, StagingPath.Resolve(session.StagingFolder, relative), exception);
        }
        if (files.Count == 0)
            return Answer.Failure($"В архиве {relative} нет XML-файлов.");
        var total = new ImportCounters();
        var messages = new List<string>();
        try
        {
            foreach (var file in files)
            {
                // A fresh upload is imported afresh, even when a file of that name was imported earlier in the session.
                await state.SaveCheckpointAsync(new FileCheckpoint(session.Id, file, 0, FileImportStatus.Running, false, null, Now), ct);
                Answer answer;
                do
                {
                    trace.Counters = null;
                    answer = await ImportFileAsync(session, type, file, Now + options.StepTimeBudget, trace, ct);
                    Add(total, trace.Counters);
                }
                while (answer.Outcome == ExchangeOutcome.Progress);
                if (answer.Outcome == ExchangeOutcome.Failure)
                    return answer;
                messages.Add(answer.Message ?? "");
            }
            return Answer.Success([.. messages]);
        }
        finally
        {
            trace.Counters = total;
            trace.FileSizeBytes = uploadSize;
        }
    }

    /// <summary>The old sale protocol sends each file whole: a new upload replaces an earlier file of the same name.</summary>
    public static long ForgetUpload(ExchangeSession session, string? fileName)
    {
        var relative = StagingPath.Normalize(fileName);
        var path = StagingPath.Resolve(session.StagingFolder, relative);
        if (!File.Exists(path))
            return 0;
        var size = new FileInfo(path).Length;
        File.Delete(path);
        return size;
    }

    private static bool IsTopLevelZip(string relative) =>
        !relative.Contains('/') && relative.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private List<string> UnpackXmlFiles(ExchangeSession session, string relative, CancellationToken ct) =>
        UnpackZip(session, StagingPath.Resolve(session.StagingFolder, relative), () => false, ct).Files
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();

    private static void Add(ImportCounters total, ImportCounters? step)
    {
        if (step is null)
            return;
        total.Add(step);
    }

    private async Task<Answer> ImportFileAsync(ExchangeSession session, ExchangeType type, string relative, DateTimeOffset deadline,
        RequestTrace trace, CancellationToken ct)
    {
        var path = StagingPath.Resolve(session.StagingFolder, relative);
        if (!File.Exists(path))
            return Answer.Failure($"Файл {relative} не найден: сначала его нужно передать (mode=file). " +
                "Если сайт работает на нескольких серверах, папка обмена должна быть у них общей.");
        trace.FileSizeBytes = new FileInfo(path).Length;
        return await StepAsync(session, type, relative, path, deadline, trace, ct);
    }

    /// <summary>One step of unpacking within the step budget: an archive of many pictures takes several requests.</summary>
    private Answer Unpack(ExchangeSession session, string zip, DateTimeOffset deadline, CancellationToken ct)
    {
        ZipUnpacker.Unpacked unpacked;
        try
        {
            unpacked = UnpackZip(session, zip, () => Now >= deadline, ct);
        }
        catch (StagingException exception)
        {
            return Refuse(session, zip, exception);
        }
        return Answer.Progress(unpacked.Done
            ? $"Архив {Path.GetFileName(zip)} распакован."
            : $"Архив {Path.GetFileName(zip)}: распаковано файлов {unpacked.EntriesDone} из {unpacked.Entries}.");
    }

    /// <summary>A refused archive is reported once and removed, so the session's later requests go on without it.</summary>
    private static Answer Refuse(ExchangeSession session, string zip, StagingException exception)
    {
        if (File.Exists(zip))
        {
            session.StagedBytes = Math.Max(0, session.StagedBytes - new FileInfo(zip).Length);
            File.Delete(zip);
        }
        return Answer.Failure($"{exception.Message} Архив {Path.GetFileName(zip)} удалён, обмен можно продолжать.");
    }

    private ZipUnpacker.Unpacked UnpackZip(ExchangeSession session, string zip, Func<bool> timeIsUp, CancellationToken ct)
    {
        var zipSize = new FileInfo(zip).Length;
        var allowance = Math.Min(options.MaxUnpackedZipBytes, Math.Max(0, options.MaxSessionBytes - session.StagedBytes + zipSize));
        var unpacked = ZipUnpacker.Unpack(zip, session.StagingFolder, allowance, options.MaxZipEntries, timeIsUp, ct);
        if (unpacked.Done)
            session.StagedBytes += unpacked.Bytes - zipSize;
        return unpacked;
    }

    private async Task<Answer> StepAsync(ExchangeSession session, ExchangeType type, string relative, string path,
        DateTimeOffset deadline, RequestTrace trace, CancellationToken ct)
    {
        var checkpoint = await state.GetCheckpointAsync(session.Id, relative, ct);
        if (checkpoint?.Status == FileImportStatus.Done)
            return Answer.Success($"Файл {relative} уже загружен.");
        var isFull = checkpoint?.IsFullPackage ?? (type == ExchangeType.Catalog && PackageHeaderProbe.IsFullPackage(path));

        var import = OpenImport(session, type, relative, checkpoint);
        var before = CountersSnapshot.Of(import.Counters);
        bool done;
        try
        {
            done = await import.RunAsync(deadline, ct);
        }
        catch (ImportException exception)
        {
            trace.Counters = before.StepSince(import.Counters);
            // The answer carries Core's text for 1C; the log also keeps the reason as a message the admin reads in their language.
            trace.Counters.AddMessage(exception.Reason);
            await SaveCheckpointAsync(session, relative, import, FileImportStatus.Failed, isFull, exception.Message, ct);
            import.Dispose();
            return Answer.Failure($"Ошибка загрузки файла {relative}: {exception.Message}");
        }
        catch
        {
            import.Dispose();
            throw;
        }

        trace.Counters = before.StepSince(import.Counters);
        if (!done)
        {
            var saved = await SaveCheckpointAsync(session, relative, import, FileImportStatus.Running, isFull, import.ProgressMessage, ct);
            runtime.LiveImports.Keep(session.Id, relative, import, saved);
            return Answer.Progress(import.ProgressMessage);
        }
        var message = $"Файл {relative} загружен: {import.Counters.Describe()}.";
        await SaveCheckpointAsync(session, relative, import, FileImportStatus.Done, isFull, message, ct);
        import.Dispose();
        if (isFull)
            session.FullExchange = true;
        return Answer.Success(message);
    }

    /// <summary>The file's import: the one this process keeps open at the checkpoint, else a new one from the checkpoint.</summary>
    private IFileImport OpenImport(ExchangeSession session, ExchangeType type, string relative, FileCheckpoint? checkpoint)
    {
        // What this process kept of the session is used only if it ran the session's last step (no other node or
        // earlier process did a step since), and an open import only if it stands exactly at the checkpoint.
        var previous = session.LastStepInstance;
        var cacheIsCurrent = previous == runtime.InstanceId;
        if (!cacheIsCurrent)
            runtime.LiveImports.CloseSession(session.Id);
        session.LastStepInstance = runtime.InstanceId;
        return (cacheIsCurrent ? runtime.LiveImports.Take(session.Id, relative, checkpoint) : null)
            ?? handlers.ImportsFor(type).Open(new FileImportRequest(session.Id, type, session.StagingFolder,
                relative, checkpoint?.ItemsCompleted ?? 0, ForgetCachedState: previous is not null && !cacheIsCurrent,
                SavedState: cacheIsCurrent ? null : session.CatalogState));
    }

    private async Task<FileCheckpoint> SaveCheckpointAsync(ExchangeSession session, string relative, IFileImport import,
        FileImportStatus status, bool isFull, string? text, CancellationToken ct)
    {
        var saved = new FileCheckpoint(session.Id, relative, import.ItemsCompleted, status, isFull, text, Now);
        // The session's state goes with the checkpoint, so that a step on a restarted process or another node starts from both.
        if (import.SessionState is { } sessionState && sessionState != session.CatalogState)
        {
            session.CatalogState = sessionState;
            await state.UpdateAsync(session, ct);
        }
        await state.SaveCheckpointAsync(saved, ct);
        return saved;
    }

    public async Task<Answer> DeactivateAsync(ExchangeSession session, CancellationToken ct)
    {
        if (session.HadFailure)
            return Answer.Failure("Обмен прошёл с ошибками: отсутствующие в выгрузке товары не деактивированы.");
        if (session.Completed)
            return Answer.Success("Деактивация уже выполнена.");
        var message = await handlers.CatalogCompletion.CompleteAsync(new CatalogCompletion(session.Id, true, session.CreatedAt), ct);
        session.Completed = true;
        return Answer.Success(message);
    }

    public async Task<Answer> CompleteAsync(ExchangeSession session, CancellationToken ct)
    {
        if (session.Completed)
            return Answer.Success("Обмен завершён.");
        var message = await handlers.CatalogCompletion.CompleteAsync(
            new CatalogCompletion(session.Id, session.FullExchange && !session.HadFailure, session.CreatedAt), ct);
        session.Completed = true;
        return Answer.Success(message);
    }

    /// <summary>At a catalog checkauth: finishes earlier old-style full exchanges that 1C left without complete.</summary>
    /// <remarks>A failing completion is logged and not retried; it does not stop the new exchange.</remarks>
    public async Task CompletePendingFullExchangesAsync(ExchangeSession current, RequestTrace trace, CancellationToken ct)
    {
        foreach (var earlier in await state.FindPendingCompletionAsync(current.Id, ct))
        {
            try
            {
                await handlers.CatalogCompletion.CompleteAsync(new CatalogCompletion(earlier.Id, true, earlier.CreatedAt), ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                earlier.HadFailure = true;
                trace.Error = $"Completing the full exchange {earlier.Id} failed: {exception}";
            }
            earlier.Completed = true;
            await state.UpdateAsync(earlier, ct);
        }
    }
}
