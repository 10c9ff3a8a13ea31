using System.IO.Compression;
using System.Text;

namespace OneCExchange.Core.Staging;

/// <summary>
/// Unpacks a staged zip into its folder, streaming entry by entry. Refuses the whole archive (leaving nothing of it)
/// when an entry would land outside the folder or has a forbidden name, when it has too many entries, or when
/// the bytes actually inflated exceed the allowance (zip bomb). Entry names without the UTF-8 flag are cp866,
/// as Windows and 1C write them.
/// </summary>
public static class ZipUnpacker
{
    /// <summary>What an archive held: the inflated bytes and its files, relative to the folder with '/' separators.</summary>
    public sealed record Unpacked(long Bytes, IReadOnlyList<string> Files);

    private const int BufferSize = 81920;

    /// <summary>Unpacks and deletes the zip.</summary>
    public static Unpacked Unpack(string zipPath, string folder, long maxUnpackedBytes, int maxEntries, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        long total = 0;
        try
        {
            using (var archive = ZipFile.Open(zipPath, ZipArchiveMode.Read, Cp866()))
            {
                if (archive.Entries.Count > maxEntries)
                    throw new StagingException($"В архиве {archive.Entries.Count} файлов, допустимо не более {maxEntries}.");
                foreach (var entry in archive.Entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                        continue;
                    var target = StagingPath.Resolve(folder, entry.FullName);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    written.Add(target);
                    total = CopyEntry(entry, target, total, maxUnpackedBytes);
                }
            }
            File.Delete(zipPath);
            var root = Path.GetFullPath(folder);
            return new Unpacked(total, written.Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')).ToList());
        }
        catch (Exception exception) when (exception is StagingException or InvalidDataException or IOException)
        {
            foreach (var path in written)
                File.Delete(path);
            if (exception is StagingException)
                throw;
            throw new StagingException($"Архив {Path.GetFileName(zipPath)} повреждён или не является zip-архивом.", exception);
        }
    }

    private static long CopyEntry(ZipArchiveEntry entry, string target, long total, long maxUnpackedBytes)
    {
        using var source = entry.Open();
        using var destination = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        var buffer = new byte[BufferSize];
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
