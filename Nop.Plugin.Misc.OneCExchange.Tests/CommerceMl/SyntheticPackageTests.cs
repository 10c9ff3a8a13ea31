using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Synthetic;

namespace OneCExchange.Tests.CommerceMl;

public class SyntheticPackageTests
{
    [Test]
    public void Ids_are_guid_shaped_and_distinct()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => SyntheticPackageGenerator.ProductId(i)).ToList();
        Assert.That(ids.All(id => Guid.TryParseExact(id, "D", out _)), Is.True, ids[0]);
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
    }

    [Test]
    public void The_generated_package_reads_back_without_warnings_and_matches_its_xml()
    {
        var folder = Path.Combine(Path.GetTempPath(), "onec-synthetic-" + Guid.NewGuid().ToString("N"));
        try
        {
            var package = SyntheticPackageGenerator.Write(folder, new SyntheticPackageOptions { Products = 120, VariantsEvery = 7, Properties = 6 });
            var context = new ClassifierContext();
            var records = new List<CommerceMlRecord>();
            long warnings = 0;
            foreach (var file in new[] { package.ImportFile, package.OffersFile })
            {
                using var reader = CommerceMlReader.Open(file, context);
                while (reader.Read())
                    records.Add(reader.Current);
                warnings += reader.WarningCount;
            }
            var xml = XDocument.Load(package.ImportFile).Descendants().Concat(XDocument.Load(package.OffersFile).Descendants()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(warnings, Is.EqualTo(0));
                Assert.That(records.OfType<Group>().Count(), Is.EqualTo(xml.Count(e => e.Name.LocalName == "Группа")));
                Assert.That(records.OfType<Product>().Count(), Is.EqualTo(xml.Count(e => e.Name.LocalName == "Товар")));
                Assert.That(records.OfType<Offer>().Count(), Is.EqualTo(xml.Count(e => e.Name.LocalName == "Предложение")));
                Assert.That(records.OfType<Offer>().Count(o => o.CharacteristicId != null), Is.EqualTo(package.Variants));
                Assert.That(records.OfType<Product>().SelectMany(p => p.PropertyValues).All(v => v.PropertyName != null), Is.True);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Written_pictures_are_whole_jpegs_that_a_decoder_reads()
    {
        var folder = Path.Combine(Path.GetTempPath(), "onec-synthetic-" + Guid.NewGuid().ToString("N"));
        try
        {
            SyntheticPackageGenerator.Write(folder, new SyntheticPackageOptions { Products = 3, Images = 1, WriteImageFiles = true });
            var picture = File.ReadAllBytes(Directory.EnumerateFiles(Path.Combine(folder, "import_files"), "*.jpg", SearchOption.AllDirectories).First());

            // Walk the JPEG's segments: start of image, a baseline frame with its size, a scan, end of image.
            Assert.That(picture[..2], Is.EqualTo(new byte[] { 0xFF, 0xD8 }), "start of image");
            var markers = new List<byte>();
            (int Height, int Width)? size = null;
            var at = 2;
            while (at + 4 <= picture.Length && picture[at] == 0xFF && picture[at + 1] != 0xDA)
            {
                var length = (picture[at + 2] << 8) | picture[at + 3];
                markers.Add(picture[at + 1]);
                if (picture[at + 1] == 0xC0)
                    size = ((picture[at + 5] << 8) | picture[at + 6], (picture[at + 7] << 8) | picture[at + 8]);
                at += 2 + length;
            }
            Assert.That(markers, Does.Contain((byte)0xDB).And.Contain((byte)0xC4), "quantization and Huffman tables");
            Assert.That(size, Is.EqualTo((16, 16)), "a baseline frame of 16×16");
            Assert.That(picture[at..(at + 2)], Is.EqualTo(new byte[] { 0xFF, 0xDA }), "a scan follows the tables");
            Assert.That(picture[^2..], Is.EqualTo(new byte[] { 0xFF, 0xD9 }), "end of image");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
