using System.IO.Compression;
using System.Text;
using NUnit.Framework;
using OneCExchange.Core.Staging;

namespace OneCExchange.Tests.Protocol;

/// <summary>
/// The zip's central directory is read record by record from a saved position, as unpacking over several requests
/// needs; archives of more than 65,535 entries (a catalog's pictures) carry their directory in zip64 records.
/// </summary>
public class ZipDirectoryTests
{
    private string _scratch = null!;

    [SetUp]
    public void SetUp() => _scratch = Directory.CreateTempSubdirectory("onec-zipdir-test-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void A_zip64_archive_of_70000_entries_is_read_to_the_end_and_again_from_a_saved_position()
    {
        const int count = 70_000;
        var zip = WriteZip("big.zip", Enumerable.Range(0, count).Select(i => ($"import_files/{i % 100}/p{i}.jpg",
            Encoding.ASCII.GetBytes($"picture {i}"), CompressionLevel.NoCompression)));

        using var directory = ZipDirectory.Open(zip, Encoding.UTF8);
        Assert.That(directory.Entries, Is.EqualTo(count));
        var all = directory.ReadFrom(directory.Start).ToList();
        Assert.That(all.Select(e => e.Name), Is.EqualTo(Enumerable.Range(0, count).Select(i => $"import_files/{i % 100}/p{i}.jpg")));

        var rest = directory.ReadFrom(all[65_999].Next).ToList();
        Assert.That(rest.Select(e => e.Name), Is.EqualTo(all.Skip(66_000).Select(e => e.Name)));
        using var data = File.OpenRead(zip);
        using var last = directory.OpenData(data, rest[^1]);
        Assert.That(new StreamReader(last).ReadToEnd(), Is.EqualTo($"picture {count - 1}"));
    }

    [Test]
    public void Stored_and_deflated_entries_unpack_to_their_bytes_over_several_calls()
    {
        var big = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 7)).ToArray();
        var zip = WriteZip("pack.zip", [("a/stored.bin", big, CompressionLevel.NoCompression), ("b/", [], CompressionLevel.Optimal),
            ("b/deflated.bin", big, CompressionLevel.Optimal), ("c.txt", [1, 2, 3], CompressionLevel.Fastest)]);
        var folder = Path.Combine(_scratch, "staged");

        // Each call may unpack one entry only: it goes on from the record where the last one stopped.
        var calls = new List<ZipUnpacker.Unpacked>();
        while (File.Exists(zip))
            calls.Add(ZipUnpacker.Unpack(zip, folder, long.MaxValue, 10, () => true, CancellationToken.None));

        Assert.That(calls.Select(c => (c.EntriesDone, c.Done)), Is.EqualTo(new[] { (1, false), (2, false), (3, false), (4, true) }));
        Assert.That(calls.SelectMany(c => c.Files), Is.EqualTo(new[] { "a/stored.bin", "b/deflated.bin", "c.txt" }));
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "a", "stored.bin")), Is.EqualTo(big));
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "b", "deflated.bin")), Is.EqualTo(big));
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "c.txt")), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(calls[^1].Bytes, Is.EqualTo(2 * big.Length + 3));
    }

    [Test]
    public void An_entry_cut_short_refuses_the_archive_and_removes_what_it_unpacked()
    {
        var zip = WriteZip("pack.zip", [("first.bin", [1, 2, 3], CompressionLevel.NoCompression),
            ("second.bin", Enumerable.Repeat((byte)9, 5000).ToArray(), CompressionLevel.NoCompression)]);
        var bytes = File.ReadAllBytes(zip);
        // The second entry's local header claims it starts where the first one's data lies: it runs into the directory.
        var second = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes("second.bin"));
        var secondLocal = second - 30;
        bytes.AsSpan(secondLocal, 4).Clear();
        File.WriteAllBytes(zip, bytes);
        var folder = Path.Combine(_scratch, "staged");

        var refused = Assert.Throws<StagingException>(() => ZipUnpacker.Unpack(zip, folder, long.MaxValue, 10, CancellationToken.None));

        Assert.That(refused!.Message, Is.EqualTo("Архив pack.zip повреждён или не является zip-архивом."));
        Assert.That(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(File.Exists(zip + ".unpacking"), Is.False);
    }

    private string WriteZip(string name, IEnumerable<(string Name, byte[] Content, CompressionLevel Level)> entries)
    {
        var path = Path.Combine(_scratch, name);
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
            foreach (var (entryName, content, level) in entries)
            {
                using var stream = archive.CreateEntry(entryName, level).Open();
                stream.Write(content);
            }
        return path;
    }
}
