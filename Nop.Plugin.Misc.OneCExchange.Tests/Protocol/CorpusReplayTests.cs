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
    [TestCaseSource(typeof(CorpusPackages), nameof(CorpusPackages.Cases))]
    public async Task Replay_of_the_package_ends_in_success(string packageName)
    {
        var corpus = TestPaths.CorpusOrSkip("catalog");
        if (packageName == CorpusFiles.Absent)
            Assert.Ignore("The shared corpus is absent.");
        var reader = new ReaderImportFactory();
        Host.CatalogImportOverride = reader;
        var folder = Path.Combine(Scratch, "package");
        var files = CorpusPackages.Build(corpus, packageName, folder);

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

    [Test]
    public async Task A_3_1_package_with_sub_folders_replays_as_one_zip()
    {
        const string packageName = "irpsv__commerceml__bitrix-module-6";
        var corpus = TestPaths.CorpusOrSkip("catalog");
        Host.Options = Host.Options with { UseZip = true };
        var reader = new ReaderImportFactory();
        Host.CatalogImportOverride = reader;
        var folder = Path.Combine(Scratch, "package");
        var files = CorpusPackages.Build(corpus, packageName, folder);

        var output = new StringWriter();
        var exit = await ReplayCommand.RunAsync([folder, "--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login,
            "--password", LoopbackExchangeHost.Password, "--version", "3.1", "--deactivate"], output, output);

        Assert.That(exit, Is.EqualTo(0), output.ToString());
        Assert.That(files.Keys, Has.Some.StartsWith("goods/1/"), "the package has sub-folders");
        Assert.That(reader.Finished.Keys, Is.EquivalentTo(files.Keys));
        Assert.That(Host.Log.Entries.Count(e => e.Mode == "file"), Is.LessThanOrEqualTo(2), "one zip, not one upload per file");
        Assert.That(Host.Completion.Completions.Single().DeactivateMissing, Is.True);
    }

    private static int ItemCount(XDocument doc, string item, string parent) =>
        doc.Descendants().Count(e => e.Name.LocalName == item && e.Parent?.Name.LocalName == parent);
}
