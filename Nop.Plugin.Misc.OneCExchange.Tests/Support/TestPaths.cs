using NUnit.Framework;

namespace OneCExchange.Tests.Support;

/// <summary>Locates the repository and the shared corpus of real 1C files beside it.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Samples => Path.Combine(RepoRoot, "samples");

    /// <summary>The corpus folder (../shared/corpus); the test is skipped with a reason when it is absent.</summary>
    public static string CorpusOrSkip(string subFolder = "")
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", subFolder));
        if (!Directory.Exists(path))
            Assert.Ignore($"The shared corpus of real 1C files is absent ({path}); this test needs it.");
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OneCExchange.sln")))
                return dir.FullName;
        throw new InvalidOperationException("OneCExchange.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Test case sources over corpus files that never pass silently when the corpus is absent.</summary>
public static class CorpusFiles
{
    public const string Absent = "<corpus absent>";

    /// <summary>File names (relative to the corpus sub-folder), or one <see cref="Absent"/> case.</summary>
    public static IEnumerable<string> In(string subFolder, string pattern = "*.xml")
    {
        var path = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "corpus", subFolder));
        if (!Directory.Exists(path))
        {
            yield return Absent;
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(path, pattern).OrderBy(f => f, StringComparer.Ordinal))
            yield return Path.GetFileName(file);
    }

    /// <summary>The full path of a case from <see cref="In"/>; skips the test when the corpus is absent.</summary>
    public static string Resolve(string subFolder, string name)
    {
        var folder = TestPaths.CorpusOrSkip(subFolder);
        if (name == Absent)
            Assert.Ignore("The shared corpus is absent; nothing to test.");
        return Path.Combine(folder, name);
    }
}
