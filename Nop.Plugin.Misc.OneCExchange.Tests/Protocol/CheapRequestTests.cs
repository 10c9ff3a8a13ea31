using NUnit.Framework;

namespace OneCExchange.Tests.Protocol;

/// <summary>
/// Issue 11, cheap requests: a request that needs no catalog or order work (init, a file chunk of the new protocol,
/// a refused request) never builds the data side, so the host composes none of its store services for it.
/// </summary>
public class CheapRequestTests : LoopbackTestBase
{
    [Test]
    public async Task Init_and_picture_uploads_build_no_handlers_and_import_builds_them_once_per_request()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("sale");
        Assert.That(Host.HandlerBuilds, Is.Zero, "a sale checkauth has nothing to finish");

        Assert.That(await Raw.GetAsync("type=catalog&mode=init&version=3.1", cookie), Does.StartWith("zip=no\nfile_limit="));
        for (var i = 0; i < 20; i++)
            Assert.That(await Raw.PostAsync($"type=catalog&mode=file&filename=import_files/{i}.jpg", [1, 2, 3, (byte)i], cookie), Is.EqualTo("success"));
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=../escape.jpg", [1], cookie), Does.StartWith("failure\n"));
        Assert.That(await Raw.GetAsync("type=catalog&mode=file&filename=a.jpg", cookie), Does.StartWith("failure\n"), "a GET file request");
        Assert.That(Host.HandlerBuilds, Is.Zero);
        Assert.That(Directory.GetFiles(Path.Combine(StagedFolderOfOnlySession(), "import_files")), Has.Length.EqualTo(20));

        var package = TestPackages.WriteCatalogPackage(Path.Combine(Scratch, "package"), products: 30);
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", File.ReadAllBytes(Path.Combine(package, "import.xml")), cookie),
            Is.EqualTo("success"));
        var imports = 0;
        string answer;
        do
        {
            answer = await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie);
            imports++;
        }
        while (answer.StartsWith("progress"));
        Assert.That(answer, Does.StartWith("success\n"));
        Assert.That(Host.HandlerBuilds, Is.EqualTo(imports), "each import request builds them once");
        AssertImportedCompletely(Path.Combine(package, "import.xml"), "import.xml");

        Assert.That(await Raw.GetAsync("type=catalog&mode=complete", cookie), Does.StartWith("success"));
        Assert.That(Host.HandlerBuilds, Is.EqualTo(imports + 1));
        Assert.That(Host.Completion.Completions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_catalog_checkauth_builds_the_handlers_to_finish_what_earlier_sessions_left()
    {
        await Raw.CheckAuthAsync("catalog");
        Assert.That(Host.HandlerBuilds, Is.EqualTo(1));
    }
}
