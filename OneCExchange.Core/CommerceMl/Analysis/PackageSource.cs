using System.IO.Compression;

namespace OneCExchange.Core.CommerceMl.Analysis;

/// <summary>A catalog package to read: a folder, a zip, or a single XML file. Paths are relative, '/' separated.</summary>
public abstract class PackageSource : IDisposable
{
    /// <summary>A human name of the package (its path).</summary>
    public abstract string Name { get; }

    /// <summary>The XML files in import order (<see cref="PackageLayout"/>).</summary>
    public abstract IReadOnlyList<string> XmlFiles { get; }

    public abstract Stream OpenRead(string relativePath);

    public abstract long Length(string relativePath);

    public abstract bool Exists(string relativePath);

    /// <summary>Opens a folder, a .zip file or one XML file.</summary>
    public static PackageSource Open(string path)
    {
        if (Directory.Exists(path))
            return new FolderPackageSource(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No such file or folder: {path}", path);
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return new ZipPackageSource(path);
        return new SingleFilePackageSource(path);
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

internal sealed class FolderPackageSource(string folder) : PackageSource
{
    private readonly string _root = Path.GetFullPath(folder);

    public override string Name => folder;
    public override IReadOnlyList<string> XmlFiles { get; } = PackageLayout.OrderFolder(folder);
    public override Stream OpenRead(string relativePath) =>
        new FileStream(Full(relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
    public override long Length(string relativePath) => new FileInfo(Full(relativePath)).Length;
    public override bool Exists(string relativePath) => File.Exists(Full(relativePath));

    private string Full(string relativePath) => Path.Combine(_root, relativePath);
}

/// <summary>One XML file; images are looked up relative to its folder.</summary>
internal sealed class SingleFilePackageSource(string file) : PackageSource
{
    private readonly string _root = Path.GetDirectoryName(Path.GetFullPath(file))!;

    public override string Name => file;
    public override IReadOnlyList<string> XmlFiles { get; } = [Path.GetFileName(file)];
    public override Stream OpenRead(string relativePath) =>
        new FileStream(Path.Combine(_root, relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
    public override long Length(string relativePath) => new FileInfo(Path.Combine(_root, relativePath)).Length;
    public override bool Exists(string relativePath) => File.Exists(Path.Combine(_root, relativePath));
}

/// <summary>A zip read in place: only its directory is loaded; entries are decompressed as they are read.</summary>
internal sealed class ZipPackageSource : PackageSource
{
    private readonly string _path;
    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

    public ZipPackageSource(string path)
    {
        _path = path;
        _archive = ZipFile.OpenRead(path);
        foreach (var entry in _archive.Entries)
            if (!entry.FullName.EndsWith('/'))
                _entries[entry.FullName.Replace('\\', '/')] = entry;
        XmlFiles = PackageLayout.Order(_entries.Keys);
    }

    public override string Name => _path;
    public override IReadOnlyList<string> XmlFiles { get; }
    public override Stream OpenRead(string relativePath) => _entries[relativePath].Open();
    public override long Length(string relativePath) => _entries[relativePath].Length;
    public override bool Exists(string relativePath) => _entries.ContainsKey(relativePath);

    public override void Dispose()
    {
        _archive.Dispose();
        base.Dispose();
    }
}
