using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace OneCExchange.Core.Staging;

/// <summary>
/// Unpacks a staged zip into its folder, streaming entry by entry, and within a deadline: an archive of many files
/// (a catalog's pictures) is unpacked over several requests, each going on where the last stopped (kept beside the
/// zip as "&lt;zip&gt;.unpacking": entries done and bytes inflated). Refuses the whole archive (leaving nothing of
/// it) when an entry would land outside the folder or has a forbidden name, or when it has too many entries — both
/// checked before the first file is written — or when the bytes actually inflated exceed the allowance (zip bomb).
/// Entry names without the UTF-8 flag are cp866, as Windows and 1C write them.
/// </summary>
public static class ZipUnpacker
{
    /// <summary>
    /// What an archive held once unpacked: the inflated bytes and its files, relative to the folder with '/'
    /// separators; <see cref="Done"/> false while entries remain for a later call (then Files lists what is unpacked so far).
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
    /// earlier call stopped; deletes the zip once every entry is out.
    /// </summary>
    public static Unpacked Unpack(string zipPath, string folder, long maxUnpackedBytes, int maxEntries, Func<bool> timeIsUp,
        CancellationToken cancellationToken)
    {
        var progressPath = zipPath + ".unpacking";
        var root = Path.GetFullPath(folder);
        var targets = new List<string>();
        var written = 0;
        long total;
        try
        {
            using (var archive = ZipFile.Open(zipPath, ZipArchiveMode.Read, Cp866()))
            {
                var entries = archive.Entries;
                (var next, total) = ReadProgress(progressPath);
                if (next == 0)
                {
                    if (entries.Count > maxEntries)
                        throw new StagingException($"В архиве {entries.Count} файлов, допустимо не более {maxEntries}.");
                }
                foreach (var entry in entries)
                    targets.Add(IsFolder(entry) ? "" : StagingPath.Resolve(folder, entry.FullName));
                var start = written = next;
                // One buffer and one directory check per folder for the whole call: an archive of pictures is many small files.
                var buffer = new byte[BufferSize];
                var folders = new HashSet<string>(StringComparer.Ordinal);
                for (; next < entries.Count; next++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (next > start && timeIsUp())
                    {
                        File.WriteAllText(progressPath, string.Create(CultureInfo.InvariantCulture, $"{next} {total}"));
                        return new Unpacked(total, Relative(root, targets.Take(next)), Done: false) { EntriesDone = next, Entries = entries.Count };
                    }
                    if (targets[next].Length == 0)
                        continue;
                    if (folders.Add(Path.GetDirectoryName(targets[next])!))
                        Directory.CreateDirectory(Path.GetDirectoryName(targets[next])!);
                    written = next + 1;
                    total = CopyEntry(entries[next], targets[next], buffer, total, maxUnpackedBytes);
                }
            }
            File.Delete(zipPath);
            File.Delete(progressPath);
            return new Unpacked(total, Relative(root, targets)) { EntriesDone = targets.Count, Entries = targets.Count };
        }
        catch (Exception exception) when (exception is StagingException or InvalidDataException or IOException)
        {
            foreach (var path in targets.Take(written).Where(File.Exists))
                File.Delete(path);
            File.Delete(progressPath);
            if (exception is StagingException)
                throw;
            throw new StagingException($"Архив {Path.GetFileName(zipPath)} повреждён или не является zip-архивом.", exception);
        }
    }

    private static bool IsFolder(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');

    private static List<string> Relative(string root, IEnumerable<string> targets) =>
        targets.Where(p => p.Length > 0).Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')).ToList();

    /// <summary>Entries done and bytes inflated by earlier calls (none when the file is absent or not ours).</summary>
    private static (int Next, long Total) ReadProgress(string progressPath)
    {
        if (!File.Exists(progressPath))
            return (0, 0);
        var parts = File.ReadAllText(progressPath).Split(' ');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var next) && next >= 0
               && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var total) && total >= 0
            ? (next, total)
            : (0, 0);
    }

    private static long CopyEntry(ZipArchiveEntry entry, string target, byte[] buffer, long total, long maxUnpackedBytes)
    {
        using var source = entry.Open();
        // Unbuffered: the bytes are already gathered in the buffer, a FileStream buffer would only copy them again.
        using var destination = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        int read;
        // Counted on the inflated bytes, not the sizes the archive declares: those can lie.
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            if (total > maxUnpackedBytes)
                throw new StagingException($"Распакованный архив больше допустимого объёма ({maxUnpackedBytes} байт).");
            destination.Write(buffer, 0, read);
        }
        return total;
    }

    private static Encoding Cp866()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(866);
    }
}
