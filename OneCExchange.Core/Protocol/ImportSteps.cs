using OneCExchange.Core.Exchange;
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

    public async Task<Answer> ImportAsync(ExchangeSession session, string? fileName, RequestTrace trace, CancellationToken ct)
    {
        var relative = StagingPath.Normalize(fileName);
        if (StagingArea.PendingZips(session.StagingFolder) is [var zip, ..])
            return Unpack(session, zip, ct);

        var path = StagingPath.Resolve(session.StagingFolder, relative);
        if (!File.Exists(path))
            return Answer.Failure($"Файл {relative} не найден: сначала его нужно передать (mode=file).");
        trace.FileSizeBytes = new FileInfo(path).Length;
        if (!runtime.LiveImports.TryBegin(session.Id, relative))
            return Answer.Failure($"Файл {relative} уже загружается другим запросом.");
        try
        {
            return await StepAsync(session, relative, path, trace, ct);
        }
        finally
        {
            runtime.LiveImports.End(session.Id, relative);
        }
    }

    private Answer Unpack(ExchangeSession session, string zip, CancellationToken ct)
    {
        var zipSize = new FileInfo(zip).Length;
        var allowance = Math.Max(0, options.MaxSessionBytes - session.StagedBytes + zipSize);
        var unpacked = ZipUnpacker.Unpack(zip, session.StagingFolder, allowance, options.MaxZipEntries, ct);
        session.StagedBytes += unpacked - zipSize;
        return Answer.Progress($"Архив {Path.GetFileName(zip)} распакован.");
    }

    private async Task<Answer> StepAsync(ExchangeSession session, string relative, string path, RequestTrace trace, CancellationToken ct)
    {
        var checkpoint = await state.GetCheckpointAsync(session.Id, relative, ct);
        if (checkpoint?.Status == FileImportStatus.Done)
            return Answer.Success($"Файл {relative} уже загружен.");
        var isFull = checkpoint?.IsFullPackage ?? (session.Type == ExchangeType.Catalog && PackageHeaderProbe.IsFullPackage(path));

        var import = runtime.LiveImports.Take(session.Id, relative)
            ?? handlers.ImportsFor(session.Type).Open(new FileImportRequest(session.Id, session.Type, session.StagingFolder,
                relative, checkpoint?.ItemsCompleted ?? 0));
        bool done;
        try
        {
            done = await import.RunAsync(Now + options.StepTimeBudget, ct);
        }
        catch (ImportException exception)
        {
            trace.Counters = import.Counters;
            await SaveAsync(FileImportStatus.Failed, exception.Message);
            import.Dispose();
            return Answer.Failure($"Ошибка загрузки файла {relative}: {exception.Message}");
        }
        catch
        {
            import.Dispose();
            throw;
        }

        trace.Counters = import.Counters;
        if (!done)
        {
            await SaveAsync(FileImportStatus.Running, import.ProgressMessage);
            runtime.LiveImports.Keep(session.Id, session.Type, relative, import);
            return Answer.Progress(import.ProgressMessage);
        }
        var message = $"Файл {relative} загружен: {import.Counters}.";
        await SaveAsync(FileImportStatus.Done, message);
        import.Dispose();
        if (isFull)
            session.FullExchange = true;
        return Answer.Success(message);

        Task SaveAsync(FileImportStatus status, string? text) => state.SaveCheckpointAsync(
            new FileCheckpoint(session.Id, relative, import.ItemsCompleted, status, isFull, text, Now), ct);
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

    /// <summary>At checkauth: finishes earlier old-style full exchanges of the type that 1C left without complete.</summary>
    /// <remarks>A failing completion is logged and not retried; it does not stop the new exchange.</remarks>
    public async Task CompletePendingFullExchangesAsync(ExchangeSession current, RequestTrace trace, CancellationToken ct)
    {
        if (current.Type != ExchangeType.Catalog)
            return;
        foreach (var earlier in await state.FindPendingCompletionAsync(current.Type, current.Id, ct))
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
            earlier.LockExpiresAt = Now;
            await state.UpdateAsync(earlier, ct);
        }
    }
}
