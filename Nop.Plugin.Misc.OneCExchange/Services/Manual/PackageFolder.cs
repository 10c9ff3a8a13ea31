using System.Text.Json;
using System.Text.Json.Serialization;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.CommerceMl.Analysis;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>
/// A manual exchange's package in its session's staging folder: its XML files in import order, the files kept, and the
/// analysis and dry run report saved beside them (names starting with '~', which the import never reads).
/// </summary>
public static class PackageFolder
{
    public const string AnalysisFile = "~analysis.json";
    public const string DryRunFile = "~dryrun.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<string> XmlFiles(string folder) =>
        Directory.Exists(folder) ? PackageLayout.OrderFolder(folder) : [];

    public static IReadOnlyList<string> KeptFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.StartsWith('~'))
                .Order(PackageLayout.Comparer)
                .ToList()
            : [];

    /// <summary>
    /// The names of uploaded files as paths inside the package: '\' becomes '/', and the folder a browser puts in front of
    /// every file of an uploaded folder ("package/import.xml", "package/import_files/…") is dropped.
    /// </summary>
    public static IReadOnlyList<string> PackagePaths(IReadOnlyList<string> uploadedNames)
    {
        var names = uploadedNames.Select(n => n.Replace('\\', '/').TrimStart('/')).ToList();
        var first = names.Count > 0 && names[0].IndexOf('/') is var slash and > 0 ? names[0][..(slash + 1)] : null;
        return first is not null && names.All(n => n.StartsWith(first, StringComparison.Ordinal))
            ? names.Select(n => n[first.Length..]).ToList()
            : names;
    }

    public static PackageAnalysis Analyze(string folder)
    {
        using var source = PackageSource.Open(folder);
        var analysis = new PackageAnalyzer().Analyze(source);
        Save(folder, AnalysisFile, analysis);
        return analysis;
    }

    public static PackageAnalysis? LoadAnalysis(string folder) => Load<PackageAnalysis>(folder, AnalysisFile);

    public static DryRunReport? LoadDryRun(string folder) => Load<DryRunReport>(folder, DryRunFile);

    public static void SaveDryRun(string folder, DryRunReport report) => Save(folder, DryRunFile, report);

    public static void DeleteDryRun(string folder) => File.Delete(Path.Combine(folder, DryRunFile));

    private static void Save<T>(string folder, string name, T value)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(value, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static T? Load<T>(string folder, string name) where T : class
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
