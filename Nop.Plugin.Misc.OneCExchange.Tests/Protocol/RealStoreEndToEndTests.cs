using NUnit.Framework;
using OneCExchange.Cli.Replay;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Protocol;

/// <summary>
/// Opt-in: replays a corpus package against a real store given by ONEC_E2E_URL (the exchange URL, e.g.
/// https://shop.example/1c-exchange), ONEC_E2E_LOGIN and ONEC_E2E_PASSWORD; optional ONEC_E2E_PACKAGE (a folder or
/// zip; default: a 2.07 УТ 11 package of the corpus). Skipped when they are unset. It changes that store's catalog
/// and runs its sale exchange (orders handed out are confirmed), so point it at a test store.
/// </summary>
[Category("EndToEnd")]
public class RealStoreEndToEndTests
{
    [Test]
    public async Task Replay_against_the_real_store_ends_in_success()
    {
        var url = Environment.GetEnvironmentVariable("ONEC_E2E_URL");
        var login = Environment.GetEnvironmentVariable("ONEC_E2E_LOGIN");
        var password = Environment.GetEnvironmentVariable("ONEC_E2E_PASSWORD");
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(login) || password is null)
            Assert.Ignore("Set ONEC_E2E_URL, ONEC_E2E_LOGIN and ONEC_E2E_PASSWORD to replay a package against a real store.");

        var work = Directory.CreateTempSubdirectory("onec-e2e-");
        try
        {
            var package = Environment.GetEnvironmentVariable("ONEC_E2E_PACKAGE") ?? DefaultPackage(work.FullName);
            var output = new StringWriter();
            var exit = await ReplayCommand.RunAsync([package, "--url", url, "--login", login!, "--password", password, "--verbose", "--sale"],
                output, output);
            TestContext.Out.WriteLine(output.ToString());
            Assert.That(exit, Is.EqualTo(0), output.ToString());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string DefaultPackage(string work)
    {
        var corpus = TestPaths.CorpusOrSkip("catalog");
        var folder = Directory.CreateDirectory(Path.Combine(work, "package")).FullName;
        foreach (var name in new[] { "import0_1.xml", "offers0_1.xml" })
            File.Copy(Path.Combine(corpus, "dobromyslov__commerceml-parser__" + name), Path.Combine(folder, name));
        return folder;
    }
}
