using System.Buffers;

namespace OneCExchange.Core.Staging;

/// <summary>What one append may add.</summary>
/// <param name="MaxRequestBytes">The file_limit: the largest body of one request.</param>
/// <param name="MaxFileBytes">The largest staged file.</param>
/// <param name="RemainingSessionBytes">What the session may still stage.</param>
public sealed record StagingQuota(long MaxRequestBytes, long MaxFileBytes, long RemainingSessionBytes);

/// <summary>The result of one append.</summary>
public sealed record StagedChunk(string RelativePath, long BytesWritten, long FileSize);

/// <summary>The folders where uploads wait for import: one per session under a root.</summary>
public sealed class StagingArea(string root)
{
    private const int BufferSize = 81920;

    public string Root { get; } = Path.GetFullPath(root);

    public string FolderFor(string sessionId) => Path.Combine(Root, StagingPath.Normalize(sessionId));

    /// <summary>
    /// Why a session's folder is not on this process's disk although the session staged files: on a web farm the
    /// staging folder must be shared by every node, or the exchange URL pinned to one node.
    /// </summary>
    public static string MissingFolderReason(string folder) =>
        $"Файлы этого сеанса обмена не найдены на этом сервере (папка {folder}): сайт работает на нескольких серверах, " +
        "а папка обмена у них не общая. Укажите в настройках обмена общую папку для всех серверов или направляйте адрес обмена на один сервер.";

    /// <summary>Empties (or creates) a session's folder.</summary>
    public void Reset(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// Appends a request body to a staged file. When the body is refused (too big, truncated, unreadable) the file
    /// is left exactly as it was before, so a half chunk is never imported.
    /// </summary>
    public async Task<StagedChunk> AppendAsync(string folder, string fileName, Stream body, long? declaredLength,
        StagingQuota quota, CancellationToken cancellationToken)
    {
        var relative = StagingPath.Normalize(fileName);
        var path = StagingPath.Resolve(folder, relative);
        if (declaredLength > quota.MaxRequestBytes)
            throw new StagingException($"Тело запроса ({declaredLength} байт) больше file_limit ({quota.MaxRequestBytes} байт).");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existed = File.Exists(path);
        // Unbuffered and written synchronously: an append goes to the page cache at once, whereas an asynchronous file
        // write on Linux is a hop through the thread pool per call (a picture upload is one of 20,000 requests).
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        var originalLength = file.Length;
        try
        {
            var written = await CopyWithinQuotaAsync(body, file, originalLength, quota, cancellationToken);
            if (declaredLength is { } expected && written != expected)
                throw new StagingException($"Файл {relative} передан не полностью: получено {written} из {expected} байт.");
            return new StagedChunk(relative, written, file.Length);
        }
        catch (Exception exception) when (exception is StagingException or IOException or OperationCanceledException)
        {
            file.SetLength(originalLength);
            await file.DisposeAsync();
            if (!existed)
                File.Delete(path);
            if (exception is StagingException)
                throw;
            throw new StagingException($"Передача файла {relative} прервана.", exception);
        }
    }

    private static async Task<long> CopyWithinQuotaAsync(Stream body, Stream file, long originalLength, StagingQuota quota,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long written = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                written += read;
                if (written > quota.MaxRequestBytes)
                    throw new StagingException($"Тело запроса больше file_limit ({quota.MaxRequestBytes} байт).");
                if (originalLength + written > quota.MaxFileBytes)
                    throw new StagingException($"Файл больше допустимого размера ({quota.MaxFileBytes} байт).");
                if (written > quota.RemainingSessionBytes)
                    throw new StagingException("Превышен допустимый общий объём файлов сеанса обмена.");
                file.Write(buffer, 0, read);
            }
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Deletes the folders of sessions untouched since <paramref name="before"/> (abandoned exchanges).</summary>
    public void DeleteFoldersUntouchedSince(DateTimeOffset before, string keepFolder)
    {
        if (!Directory.Exists(Root))
            return;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (string.Equals(Path.GetFullPath(folder), Path.GetFullPath(keepFolder), StringComparison.Ordinal))
                continue;
            if (Directory.GetLastWriteTimeUtc(folder) < before.UtcDateTime)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A file still open elsewhere; the next exchange tries again.
                }
            }
        }
    }

    /// <summary>Zip files staged at the top of the folder and not unpacked yet.</summary>
    public static IReadOnlyList<string> PendingZips(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.zip", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList()
            : [];
}
