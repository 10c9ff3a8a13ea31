using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Cli;
using OneCExchange.Synthetic;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Cli;

public class AnalyzeCommandTests
{
    private string _temp = "";

    [SetUp]
    public void CreateTemp() => Directory.CreateDirectory(_temp = Path.Combine(Path.GetTempPath(), "onec-cli-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteTemp() => Directory.Delete(_temp, recursive: true);

    private static string DemoPackage => Path.Combine(TestPaths.Samples, "demo-package");

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = new AnalyzeCommand().Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    [Test]
    public void The_demo_package_can_be_imported_and_its_counts_match_the_files()
    {
        var (code, output, _) = Run(DemoPackage, "--json");
        var json = Json(output);
        var import = XDocument.Load(Path.Combine(DemoPackage, "import.xml"));
        var offers = XDocument.Load(Path.Combine(DemoPackage, "offers.xml"));
        var all = import.Descendants().Concat(offers.Descendants()).ToList();
        int Count(string name) => all.Count(e => e.Name.LocalName == name);
        var images = import.Descendants().Where(e => e.Name.LocalName == "Картинка").Select(e => e.Value).ToList();
        var offerIds = offers.Descendants().Where(e => e.Name.LocalName == "Предложение").Select(e => e.Elements().First(c => c.Name.LocalName == "Ид").Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(json.GetProperty("canImport").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("groups").GetInt64(), Is.EqualTo(Count("Группа")));
            Assert.That(json.GetProperty("properties").GetInt64(), Is.EqualTo(Count("Свойство")));
            Assert.That(json.GetProperty("products").GetInt64(), Is.EqualTo(Count("Товар")));
            Assert.That(json.GetProperty("deletedProducts").GetInt64(), Is.EqualTo(all.Count(e => e.Name.LocalName == "Товар" && (string?)e.Attribute("Статус") == "Удален")));
            Assert.That(json.GetProperty("offers").GetInt64(), Is.EqualTo(offerIds.Count));
            Assert.That(json.GetProperty("variants").GetInt64(), Is.EqualTo(offerIds.Count(id => id.Contains('#'))));
            Assert.That(json.GetProperty("priceTypes").GetInt64(), Is.EqualTo(Count("ТипЦены")));
            Assert.That(json.GetProperty("warehouses").GetInt64(), Is.EqualTo(offers.Descendants().Count(e => e.Name.LocalName == "Склад" && e.Parent!.Name.LocalName == "Склады")));
            Assert.That(json.GetProperty("prices").GetInt64(), Is.EqualTo(Count("Цена")));
            Assert.That(json.GetProperty("imagesReferenced").GetInt64(), Is.EqualTo(images.Count));
            Assert.That(json.GetProperty("imagesFound").GetInt64(), Is.EqualTo(images.Count(i => File.Exists(Path.Combine(DemoPackage, i)))));
            Assert.That(json.GetProperty("warningCount").GetInt64(), Is.EqualTo(0));
        });
    }

    [Test]
    public void The_human_report_names_the_counts_and_the_verdict()
    {
        var (code, output, _) = Run(DemoPackage);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("import.xml").And.Contain("offers.xml").And.Contain("Products:").And.Contain("can be imported"));
        Assert.That(output.IndexOf("import.xml", StringComparison.Ordinal), Is.LessThan(output.IndexOf("offers.xml", StringComparison.Ordinal)), "files in import order");
    }

    [Test]
    public void A_zip_gives_the_same_analysis_as_its_folder()
    {
        var zip = Path.Combine(_temp, "package.zip");
        ZipFile.CreateFromDirectory(DemoPackage, zip);
        var fromFolder = Json(Run(DemoPackage, "--json").Output);
        var fromZip = Json(Run(zip, "--json").Output);
        foreach (var name in new[] { "groups", "properties", "products", "offers", "variants", "prices", "stockEntries", "imagesReferenced", "imagesFound" })
            Assert.That(fromZip.GetProperty(name).GetInt64(), Is.EqualTo(fromFolder.GetProperty(name).GetInt64()), name);
    }

    [Test]
    public void A_malformed_file_cannot_be_imported_and_the_error_names_file_and_line()
    {
        File.Copy(Path.Combine(DemoPackage, "import.xml"), Path.Combine(_temp, "import.xml"));
        var lines = File.ReadAllLines(Path.Combine(DemoPackage, "offers.xml")).ToList();
        lines.RemoveAt(lines.FindIndex(l => l.Contains("</Цены>")));
        File.WriteAllLines(Path.Combine(_temp, "offers.xml"), lines);

        var (code, output, _) = Run(_temp, "--json");
        var errors = Json(output).GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(Json(output).GetProperty("canImport").GetBoolean(), Is.False);
        Assert.That(errors.Single(), Does.Match(@"^offers\.xml\(\d+,\d+\): "));
    }

    [Test]
    public void A_file_that_is_not_commerceml_cannot_be_imported()
    {
        var path = Path.Combine(_temp, "page.xml");
        File.WriteAllText(path, "<html><body>Not found</body></html>");
        var (code, output, _) = Run(path);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("CANNOT"));
    }

    [Test]
    public void A_folder_without_xml_files_cannot_be_imported()
    {
        Assert.That(Run(_temp).ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_missing_path_and_wrong_usage_are_reported()
    {
        var missing = Run(Path.Combine(_temp, "nope"));
        Assert.That(missing.ExitCode, Is.EqualTo(1));
        Assert.That(missing.Error, Does.Contain("nope"));
        Assert.That(Run().ExitCode, Is.EqualTo(2));
        Assert.That(Run(DemoPackage, "--bogus").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Missing_images_are_counted_and_listed()
    {
        File.Copy(Path.Combine(DemoPackage, "import.xml"), Path.Combine(_temp, "import.xml"));
        var json = Json(Run(_temp, "--json").Output);
        var referenced = json.GetProperty("imagesReferenced").GetInt64();
        Assert.That(referenced, Is.GreaterThan(0));
        Assert.That(json.GetProperty("imagesFound").GetInt64(), Is.EqualTo(0));
        Assert.That(json.GetProperty("missingImages").GetArrayLength(), Is.EqualTo(referenced));
    }

    [Test]
    public void A_generated_package_analyses_to_the_counts_it_was_generated_with()
    {
        var options = new SyntheticPackageOptions { Products = 250, VariantsEvery = 4, DeletedEvery = 50, WriteImageFiles = true, PriceTypes = 2, Warehouses = 3 };
        var generated = new StringWriter();
        var code = new GenerateCommand().Run(["--products", "250", "--out", _temp, "--variants-every", "4", "--deleted-every", "50",
            "--write-images", "--price-types", "2", "--warehouses", "3"], generated, TextWriter.Null);
        Assert.That(code, Is.EqualTo(0));

        var json = Json(Run(_temp, "--json").Output);
        var offers = XDocument.Load(Path.Combine(_temp, "offers.xml")).Descendants().Where(e => e.Name.LocalName == "Предложение").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("canImport").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("products").GetInt64(), Is.EqualTo(options.Products));
            Assert.That(json.GetProperty("deletedProducts").GetInt64(), Is.EqualTo(options.Products / options.DeletedEvery));
            Assert.That(json.GetProperty("offers").GetInt64(), Is.EqualTo(offers.Count));
            Assert.That(json.GetProperty("variants").GetInt64(), Is.EqualTo(offers.Count(o => o.Elements().First().Value.Contains('#'))));
            Assert.That(json.GetProperty("prices").GetInt64(), Is.EqualTo(offers.Count * options.PriceTypes));
            Assert.That(json.GetProperty("stockEntries").GetInt64(), Is.EqualTo(offers.Count * options.Warehouses));
            Assert.That(json.GetProperty("imagesFound").GetInt64(), Is.EqualTo(options.Products * options.Images));
            Assert.That(json.GetProperty("warningCount").GetInt64(), Is.EqualTo(0));
        });
    }
    [Test]
    public void An_image_path_leading_out_of_the_package_is_never_looked_up()
    {
        var package = Path.Combine(_temp, "package");
        Directory.CreateDirectory(package);
        File.WriteAllBytes(Path.Combine(_temp, "outside.png"), [1]);
        File.WriteAllText(Path.Combine(package, "import.xml"), """
            <КоммерческаяИнформация ВерсияСхемы="2.08"><Каталог><Товары><Товар><Ид>p</Ид><Наименование>Н</Наименование>
            <Картинка>../outside.png</Картинка></Товар></Товары></Каталог></КоммерческаяИнформация>
            """);
        var json = Json(Run(package, "--json").Output);
        Assert.That(json.GetProperty("imagesReferenced").GetInt64(), Is.EqualTo(1));
        Assert.That(json.GetProperty("imagesFound").GetInt64(), Is.EqualTo(0));
    }
}
