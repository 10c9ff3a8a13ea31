using System.Text.RegularExpressions;
using NUnit.Framework;

namespace OneCExchange.Tests.Support;

/// <summary>
/// The catalog packages of the shared corpus: files grouped by their source prefix, laid out in a folder under the
/// names 1C gives them, for tests that replay a package over HTTP.
/// </summary>
public static class CorpusPackages
{
    // Corpus names are owner__repo[__sample]__file; a triple underscore (import___<guid>) is part of the file name.
    private static readonly Regex Separator = new("(?<!_)__(?!_)");

    /// <summary>One case per package of corpus/catalog, or one "Corpus absent" case.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        var names = CorpusFiles.In("catalog").ToList();
        if (names is [CorpusFiles.Absent])
        {
            yield return new TestCaseData(CorpusFiles.Absent).SetName("Corpus absent");
            yield break;
        }
        foreach (var package in names.GroupBy(PackageOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            yield return new TestCaseData(package.Key).SetArgDisplayNames(package.Key);
    }

    /// <summary>"irpsv__commerceml__bitrix-module-6__goods_1_import.xml" belongs to "irpsv__commerceml__bitrix-module-6".</summary>
    public static string PackageOf(string fileName)
    {
        var parts = Separator.Split(fileName);
        return string.Join("__", parts[..^1]);
    }

    /// <summary>Copies the package's files into a folder under the names 1C gives them (goods_1_x → goods/1/x);
    /// returns remote name → local path.</summary>
    public static Dictionary<string, string> Build(string corpus, string packageName, string folder)
    {
        var files = new Dictionary<string, string>();
        foreach (var path in Directory.EnumerateFiles(corpus, packageName + "__*.xml"))
        {
            if (PackageOf(Path.GetFileName(path)) != packageName)
                continue;
            var name = Path.GetFileName(path)[(packageName.Length + 2)..];
            foreach (var folderName in new[] { "goods", "properties" })
                if (name.StartsWith(folderName + "_1_", StringComparison.Ordinal))
                    name = $"{folderName}/1/{name[(folderName.Length + 3)..]}";
            var target = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
            files[name] = target;
        }
        Assert.That(files, Is.Not.Empty, packageName);
        return files;
    }
}
