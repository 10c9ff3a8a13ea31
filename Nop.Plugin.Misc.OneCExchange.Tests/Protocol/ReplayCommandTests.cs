using NUnit.Framework;
using OneCExchange.Cli.Replay;

namespace OneCExchange.Tests.Protocol;

public class ReplayCommandTests : LoopbackTestBase
{
    [Test]
    public async Task Replay_prints_each_request_with_verbose_and_exits_zero_on_success()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 30);
        var output = new StringWriter();

        var exit = await ReplayCommand.RunAsync([package, "--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login,
            "--password", LoopbackExchangeHost.Password, "--verbose", "--file-limit", "1000"], output, TextWriter.Null);

        Assert.That(exit, Is.EqualTo(0));
        var text = output.ToString();
        Assert.That(text, Does.Contain("mode=checkauth"));
        Assert.That(text, Does.Contain("<- 200 success\\n"));
        var importXmlChunks = (int)Math.Ceiling(new FileInfo(Path.Combine(package, "import.xml")).Length / 1000.0);
        Assert.That(Host.Log.Entries.Count(e => e is { Mode: "file", FileName: "import.xml" }), Is.EqualTo(importXmlChunks),
            "--file-limit cuts uploads below the store's limit");
        Assert.That(text.TrimEnd(), Does.EndWith("success"));
    }

    [Test]
    public async Task Replay_exits_non_zero_on_a_failure_answer()
    {
        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 3);
        var error = new StringWriter();

        var exit = await ReplayCommand.RunAsync([package, "--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login,
            "--password", "wrong"], TextWriter.Null, error);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("failure at checkauth: failure\nОшибка авторизации."));
    }

    [Test]
    public async Task Replay_without_url_is_a_usage_error()
    {
        var error = new StringWriter();
        Assert.That(await ReplayCommand.RunAsync([Scratch, "--login", "a", "--password", "b"], TextWriter.Null, error), Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("usage: onec replay"));
    }
}
