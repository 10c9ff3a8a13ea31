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
}
