using NUnit.Framework;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Tests.CommerceMl;

public class PackageLayoutTests
{
    [Test]
    public void A_3_1_package_is_ordered_classifier_properties_then_goods_by_folder_number_and_kind()
    {
        var files = new[]
        {
            "goods/10/import___c.xml", "goods/2/rests___r.xml", "goods/2/prices___p.xml", "goods/2/offers___o.xml",
            "goods/2/import___i.xml", "properties/1/offers___x.xml", "properties/1/import___y.xml", "import___root.xml",
            "goods/import_files/ab/pic.jpg", "documents/1/documents___d.xml",
        };
        Assert.That(PackageLayout.Order(files), Is.EqualTo(new[]
        {
            "import___root.xml", "properties/1/import___y.xml", "properties/1/offers___x.xml",
            "goods/2/import___i.xml", "goods/2/offers___o.xml", "goods/2/prices___p.xml", "goods/2/rests___r.xml",
            "goods/10/import___c.xml", "documents/1/documents___d.xml",
        }));
    }

    [Test]
    public void A_2_x_package_reads_import_before_offers()
    {
        Assert.That(PackageLayout.Order(["offers0_1.xml", "import0_1.xml", "rests.xml", "prices.xml"]),
            Is.EqualTo(new[] { "import0_1.xml", "offers0_1.xml", "prices.xml", "rests.xml" }));
    }

    [Test]
    public void Backslashes_are_normalised()
    {
        Assert.That(PackageLayout.Order([@"goods\1\offers.xml", @"goods\1\import.xml"]), Is.EqualTo(new[] { "goods/1/import.xml", "goods/1/offers.xml" }));
    }
}
