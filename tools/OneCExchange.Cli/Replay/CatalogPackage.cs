using System.IO.Compression;

namespace OneCExchange.Cli.Replay;

/// <summary>One file of a package: where it is here and the name 1C gives it ('/' separated, relative).</summary>
public sealed record PackageFile(string LocalPath, string RemoteName)
{
    public bool IsXml => RemoteName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The files of a catalog exchange as 1C would send them, from a folder (or an unpacked zip): every file is
/// uploaded, and the XML files are imported in the order 1C uses — classifier and catalog before offers, prices
/// and rests; in a 3.1 package the root import___ first, then properties/, then goods/.
/// </summary>
public sealed class CatalogPackage
{
    private CatalogPackage(string folder, IReadOnlyList<PackageFile> files)
    {
        Folder = folder;
        Files = files;
    }

    public string Folder { get; }

    /// <summary>Every file in upload order (XML in import order, then pictures and the rest).</summary>
    public IReadOnlyList<PackageFile> Files { get; }

    public IEnumerable<PackageFile> ImportOrder => Files.Where(f => f.IsXml);

    public static CatalogPackage FromFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => new PackageFile(path, Path.GetRelativePath(root, path).Replace('\\', '/')))
            .OrderBy(f => f.IsXml ? 0 : 1)
            .ThenBy(f => FolderRank(f.RemoteName))
            .ThenBy(f => Path.GetDirectoryName(f.RemoteName), StringComparer.Ordinal)
            .ThenBy(f => KindRank(Path.GetFileName(f.RemoteName)))
            .ThenBy(f => f.RemoteName, StringComparer.Ordinal)
            .ToList();
        if (!files.Any(f => f.IsXml))
            throw new InvalidOperationException($"No XML file in {root}.");
        return new CatalogPackage(root, files);
    }

    /// <summary>Unpacks a zip package into <paramref name="workFolder"/> and reads it as a folder.</summary>
    public static CatalogPackage FromZip(string zipPath, string workFolder)
    {
        ZipFile.ExtractToDirectory(zipPath, workFolder, overwriteFiles: true);
        return FromFolder(workFolder);
    }

    /// <summary>Writes files of a package into one zip, as 1C does when the store answers zip=yes.</summary>
    public static void WriteZip(IEnumerable<PackageFile> files, string zipPath)
    {
        using var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in files)
            archive.CreateEntryFromFile(file.LocalPath, file.RemoteName, CompressionLevel.Fastest);
    }

    private static int FolderRank(string name) =>
        !name.Contains('/') ? 0 : name.StartsWith("properties/", StringComparison.OrdinalIgnoreCase) ? 1 : 2;

    // Groups and properties before products, products before offers, then prices and stock.
    private static readonly (string Keyword, int Rank)[] Kinds =
    [
        ("import", 0), ("group", 0), ("classifier", 0), ("product", 1), ("goods", 1), ("offers", 2), ("price", 3),
        ("rest", 4), ("remainder", 4),
    ];

    private static int KindRank(string fileName)
    {
        foreach (var (keyword, rank) in Kinds)
            if (fileName.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                return rank;
        return Kinds.Length;
    }
}
