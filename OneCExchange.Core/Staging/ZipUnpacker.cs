using System.Globalization;
using System.Text;

namespace OneCExchange.Core.Staging;

/// <summary>
/// Unpacks a staged zip into its folder, streaming entry by entry, and within a deadline: an archive of many files
/// (a catalog's pictures) is unpacked over several requests, each going on where the last stopped (kept beside the
/// zip as "&lt;zip&gt;.unpacking": entries done, bytes inflated and the position of the next record in the zip's
/// central directory, which is read record by record rather than whole, see <see cref="ZipDirectory"/>). Refuses the whole archive (leaving nothing of
/// it) when an entry would land outside the folder or has a forbidden name, or when it has too many entries — both
/// checked before the first file is written — or when the bytes actually inflated exceed the allowance (zip bomb).
/// Entry names without the UTF-8 flag are cp866, as Windows and 1C write them.
/// </summary>
public static class ZipUnpacker
{
    /// <summary>
    /// What an archive held once unpacked: the inflated bytes and its files, relative to the folder with '/'
    /// separators (those this call unpacked); <see cref="Done"/> false while entries remain for a later call.
    /// </summary>
    public sealed record Unpacked(long Bytes, IReadOnlyList<string> Files, bool Done = true)
    {
        /// <summary>Entries unpacked so far and in all (directories included).</summary>
        public int EntriesDone { get; init; }

        public int Entries { get; init; }
    }

    private const int BufferSize = 81920;

    /// <summary>Unpacks the whole zip and deletes it.</summary>
    public static Unpacked Unpack(string zipPath, string folder, long maxUnpackedBytes, int maxEntries, CancellationToken cancellationToken) =>
        Unpack(zipPath, folder, maxUnpackedBytes, maxEntries, () => false, cancellationToken);

    /// <summary>
    /// Unpacks entries until <paramref name="timeIsUp"/> says so (at least one entry per call), going on from where an
    /// earlier call stopped; deletes the zip once every entry is out. <see cref="Unpacked.Files"/> are the files this
    /// call unpacked. The directory is read record by record from the saved position, so a call holds nothing of the
    /// entries it does not unpack.
    /// </summary>
    public static Unpacked Unpack(string zipPath, string folder, long maxUnpackedBytes, int maxEntries, Func<bool> timeIsUp,
        CancellationToken cancellationToken)
    {
        var progressPath = zipPath + ".unpacking";
        var root = Path.GetFullPath(folder);
        var files = new List<string>();
        var written = 0;
        long total = 0;
        try
        {
            int entries;
            using (var directory = ZipDirectory.Open(zipPath, Cp866()))
            {
                if (directory.Entries > maxEntries)
                    throw new StagingException($"В архиве {directory.Entries} файлов, допустимо не более {maxEntries}.");
                entries = (int)directory.Entries;
                (var next, total, var position) = ReadProgress(progressPath, directory.Start);
                if (next == 0)
                    CheckNames(directory, folder);
                var start = written = next;
                using var data = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
                // One buffer and one directory check per folder for the whole call: an archive of pictures is many small files.
                var buffer = new byte[BufferSize];
                var folders = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in directory.ReadFrom(position))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (next > start && timeIsUp())
                    {
                        File.WriteAllText(progressPath, string.Create(CultureInfo.InvariantCulture, $"{next} {total} {position}"));
                        return new Unpacked(total, files, Done: false) { EntriesDone = next, Entries = entries };
                    }
                    next++;
                    position = entry.Next;
                    if (entry.IsFolder)
                        continue;
                    var target = StagingPath.Resolve(folder, entry.Name);
                    if (folders.Add(Path.GetDirectoryName(target)!))
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    written = next;
                    total = CopyEntry(directory, data, entry, target, buffer, total, maxUnpackedBytes);
                    files.Add(Path.GetRelativePath(root, target).Replace(Path.DirectorySeparatorChar, '/'));
                }
            }
            File.Delete(zipPath);
            File.Delete(progressPath);
            return new Unpacked(total, files) { EntriesDone = entries, Entries = entries };
        }
        catch (Exception exception) when (exception is StagingException or InvalidDataException or IOException)
        {
            if (written > 0)
                DeleteUnpacked(zipPath, folder, written);
            File.Delete(progressPath);
            if (exception is StagingException)
                throw;
            throw new StagingException($"Архив {Path.GetFileName(zipPath)} повреждён или не является zip-архивом.", exception);
        }
    }

    /// <summary>Every name is checked before the first file is written, so a refused archive leaves nothing.</summary>
    private static void CheckNames(ZipDirectory directory, string folder)
    {
        foreach (var entry in directory.ReadFrom(directory.Start))
        {
            if (!entry.IsFolder)
                StagingPath.Resolve(folder, entry.Name);
        }
    }

    /// <summary>Removes the files of the archive's first <paramref name="entries"/> entries (this call's and earlier calls').</summary>
    private static void DeleteUnpacked(string zipPath, string folder, int entries)
    {
        try
        {
            using var directory = ZipDirectory.Open(zipPath, Cp866());
            foreach (var entry in directory.ReadFrom(directory.Start).Take(entries))
            {
                if (!entry.IsFolder && StagingPath.Within(folder, entry.Name) is { } path && File.Exists(path))
                    File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or StagingException)
        {
            // Only entries the directory named were written, and it was read once already; nothing more can be found.
        }
    }

    /// <summary>Entries done, bytes inflated and the directory position of the next entry, from earlier calls (none when the
    /// file is absent or not ours).</summary>
    private static (int Next, long Total, long Position) ReadProgress(string progressPath, long start)
    {
        if (!File.Exists(progressPath))
            return (0, 0, start);
        var parts = File.ReadAllText(progressPath).Split(' ');
        return parts.Length == 3 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var next) && next >= 0
               && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var total) && total >= 0
               && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var position) && position >= start
            ? (next, total, position)
            : (0, 0, start);
    }

    private static long CopyEntry(ZipDirectory directory, FileStream data, ZipEntryRecord entry, string target, byte[] buffer,
        long total, long maxUnpackedBytes)
    {
        using var source = directory.OpenData(data, entry);
        // Unbuffered: the bytes are already gathered in the buffer, a FileStream buffer would only copy them again.
        using var destination = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        long entryBytes = 0;
        int read;
        // Counted on the inflated bytes, not the sizes the archive declares: those can lie.
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            entryBytes += read;
            if (total > maxUnpackedBytes)
                throw new StagingException($"Распакованный архив больше допустимого объёма ({maxUnpackedBytes} байт).");
            destination.Write(buffer, 0, read);
        }
        if (entryBytes != entry.UncompressedSize)
            throw new InvalidDataException($"The zip entry {entry.Name} inflated to {entryBytes} bytes, not {entry.UncompressedSize}.");
        return total;
    }

    private static Encoding Cp866()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(866);
    }
}
