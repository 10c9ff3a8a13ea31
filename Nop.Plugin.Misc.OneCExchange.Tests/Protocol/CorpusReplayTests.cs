using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Tests.Protocol.Fakes;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Protocol;

/// <summary>
/// `replay` of every package of the shared corpus (files grouped by their source prefix) against the loopback host
/// ends in success, with every file parsed through to its end by the CommerceML reader.
/// </summary>
public class CorpusReplayTests : LoopbackTestBase
{
    public static IEnumerable<TestCaseData> Packages()
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

    [TestCaseSource(nameof(Packages))]
    public async Task Replay_of_the_package_ends_in_success(string packageName)
    {
        var corpus = TestPaths.CorpusOrSkip("catalog");
        if (packageName == CorpusFiles.Absent)
            Assert.Ignore("The shared corpus is absent.");
        var reader = new ReaderImportFactory();
        Host.CatalogImportOverride = reader;
        var folder = Path.Combine(Scratch, "package");
        var files = BuildPackage(corpus, packageName, folder);

        var output = new StringWriter();
        var exit = await ReplayCommand.RunAsync([folder, "--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login,
            "--password", LoopbackExchangeHost.Password, "--file-limit", "20000"], output, output);

        Assert.That(exit, Is.EqualTo(0), output.ToString());
        Assert.That(output.ToString().TrimEnd(), Does.EndWith("success"));
        foreach (var (remoteName, localPath) in files)
        {
            Assert.That(reader.Finished.ContainsKey(remoteName), $"{remoteName} was read to its end");
            var applied = reader.Applied[remoteName];
            Assert.That(applied.Select(a => a.Index), Is.EqualTo(Enumerable.Range(1, applied.Count).Select(i => (long)i)),
                $"{remoteName}: every record applied once, in order");
            var doc = XDocument.Load(localPath);
            Assert.That(applied.Count(a => a.Record is Product), Is.EqualTo(ItemCount(doc, "Товар", "Товары")), $"{remoteName}: products");
            Assert.That(applied.Count(a => a.Record is Offer), Is.EqualTo(ItemCount(doc, "Предложение", "Предложения")), $"{remoteName}: offers");
        }
        Assert.That(Host.Completion.Completions, Has.Count.EqualTo(1));
    }

    // Corpus names are owner__repo[__sample]__file; a triple underscore (import___<guid>) is part of the file name.
    private static readonly Regex Separator = new("(?<!_)__(?!_)");

    /// <summary>"irpsv__commerceml__bitrix-module-6__goods_1_import.xml" belongs to "irpsv__commerceml__bitrix-module-6".</summary>
    private static string PackageOf(string fileName)
    {
        var parts = Separator.Split(fileName);
        return string.Join("__", parts[..^1]);
    }

    /// <summary>Copies the package's files into a folder under the names 1C gives them (goods_1_x → goods/1/x).</summary>
    private static Dictionary<string, string> BuildPackage(string corpus, string packageName, string folder)
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

    private static int ItemCount(XDocument doc, string item, string parent) =>
        doc.Descendants().Count(e => e.Name.LocalName == item && e.Parent?.Name.LocalName == parent);
}
