using NUnit.Framework;
using OneCExchange.Cli.Replay;

namespace OneCExchange.Tests.Protocol;

/// <summary>A fresh loopback host, staging root and scratch folder per test.</summary>
public abstract class LoopbackTestBase
{
    protected LoopbackExchangeHost Host = null!;
    protected RawExchangeClient Raw = null!;
    protected HttpClient Http = null!;
    protected string Scratch = null!;

    [SetUp]
    public async Task StartHostAsync()
    {
        Scratch = Directory.CreateTempSubdirectory("onec-protocol-test-").FullName;
        Host = await LoopbackExchangeHost.StartAsync(Path.Combine(Scratch, "staging"));
        Raw = new RawExchangeClient(Host);
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
    }

    [TearDown]
    public async Task StopHostAsync()
    {
        Http.Dispose();
        Raw.Dispose();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // An import left open by a simulated restart may still hold a file; the OS temp cleaner takes it.
        }
    }

    protected ExchangeClient NewClient(string? password = null) =>
        new(Http, Host.ExchangeUrl, LoopbackExchangeHost.Login, password ?? LoopbackExchangeHost.Password);

    protected ReplayOptions Replay(string package) => new()
    {
        Package = package,
        Url = Host.ExchangeUrl,
        Login = LoopbackExchangeHost.Login,
        Password = LoopbackExchangeHost.Password,
    };

    protected string StagedFolderOfOnlySession() => Host.State.Sessions.Single().StagingFolder;

    /// <summary>Asserts that the element-counting import applied every item of the file exactly once.</summary>
    protected void AssertImportedCompletely(string localPath, string remoteName)
    {
        var applied = Host.CatalogImports.AppliedTo(remoteName);
        var expected = TestPackages.ElementCount(localPath);
        Assert.That(applied, Has.Count.EqualTo(expected), $"items applied from {remoteName}");
        Assert.That(applied, Is.Unique, $"an item of {remoteName} was applied twice");
    }
}
