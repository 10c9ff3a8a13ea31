using System.Text;
using NUnit.Framework;

namespace OneCExchange.Tests.Protocol;

/// <summary>A zip of many files (a catalog's pictures) is unpacked within the step budget, over as many requests as it takes.</summary>
public class ZipUnpackingTests : LoopbackTestBase
{
    private static readonly (string Name, byte[] Content)[] Package =
    [
        ("import.xml", Encoding.UTF8.GetBytes(TestPackages.CatalogXml(3))),
        .. Enumerable.Range(0, 4).Select(i => ($"import_files/p{i}.jpg", new[] { (byte)i, (byte)(i + 1), (byte)(i + 2) })),
    ];

    [Test]
    public async Task Each_import_request_unpacks_what_fits_in_the_step_budget_and_the_next_goes_on_where_it_stopped()
    {
        // No time at all: every request unpacks one entry, the least it must do.
        Host.Options = Host.Options with { StepTimeBudget = TimeSpan.Zero };
        var cookie = await UploadAsync(TestPackages.Zip(Package));

        var answers = new List<string>();
        for (var i = 0; i < Package.Length; i++)
            answers.Add(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie));

        Assert.That(answers, Is.EqualTo(new[]
        {
            "progress\nАрхив pack.zip: распаковано файлов 1 из 5.", "progress\nАрхив pack.zip: распаковано файлов 2 из 5.",
            "progress\nАрхив pack.zip: распаковано файлов 3 из 5.", "progress\nАрхив pack.zip: распаковано файлов 4 из 5.",
            "progress\nАрхив pack.zip распакован.",
        }));
        var staged = StagedFolderOfOnlySession();
        foreach (var (name, content) in Package)
            Assert.That(File.ReadAllBytes(Path.Combine(staged, name)), Is.EqualTo(content), name);
        Assert.That(Directory.EnumerateFiles(staged).Select(Path.GetFileName), Is.EqualTo(new[] { "import.xml" }),
            "the zip and its progress are gone once every entry is out");
        Assert.That(Host.CatalogImports.Opened, Is.Empty, "nothing is imported while the archive is unpacked");
        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Does.Not.Contain("Архив"));
    }

    [Test]
    public async Task A_zip_bomb_found_in_a_later_request_removes_every_file_of_the_archive()
    {
        Host.Options = Host.Options with { StepTimeBudget = TimeSpan.Zero, MaxUnpackedZipBytes = 100_000 };
        var cookie = await UploadAsync(TestPackages.Zip([.. Package, ("z/bomb.bin", new byte[300_000])]));
        for (var i = 0; i < Package.Length; i++)
            Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie), Does.StartWith("progress\n"));
        Assert.That(File.Exists(Path.Combine(StagedFolderOfOnlySession(), "import_files", "p3.jpg")), Is.True, "unpacked by earlier requests");

        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo("failure\nРаспакованный архив больше допустимого объёма (100000 байт). Архив pack.zip удалён, обмен можно продолжать."));
        Assert.That(Directory.EnumerateFiles(Scratch, "*", SearchOption.AllDirectories), Is.Empty, "nothing of the archive is left, nor its progress");
        Assert.That(Host.CatalogImports.Opened, Is.Empty);
    }

    private async Task<string> UploadAsync(byte[] zip)
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=pack.zip", zip, cookie), Is.EqualTo("success"));
        return cookie;
    }
}
