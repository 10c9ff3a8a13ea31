using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;

namespace OneCExchange.Tests.Manual;

public class PackageFolderTests
{
    [Test]
    public void An_uploaded_folder_loses_its_own_name_and_keeps_its_sub_folders()
    {
        var paths = PackageFolder.PackagePaths(["demo/import.xml", "demo/offers.xml", "demo/import_files/7f/a.png"]);

        Assert.That(paths, Is.EqualTo(new[] { "import.xml", "offers.xml", "import_files/7f/a.png" }));
    }

    [Test]
    public void Files_chosen_one_by_one_keep_their_names()
    {
        Assert.That(PackageFolder.PackagePaths(["import.xml", "a\\offers.xml"]), Is.EqualTo(new[] { "import.xml", "a/offers.xml" }));
        Assert.That(PackageFolder.PackagePaths(["x/import.xml", "y/offers.xml"]), Is.EqualTo(new[] { "x/import.xml", "y/offers.xml" }));
    }

    [Test]
    public void The_analysis_and_dry_run_saved_beside_the_package_are_neither_kept_files_nor_imported()
    {
        var folder = Directory.CreateTempSubdirectory("onec-package-").FullName;
        try
        {
            File.Copy(Path.Combine(Support.TestPaths.Samples, "demo-package", "import.xml"), Path.Combine(folder, "import.xml"));
            var analysis = PackageFolder.Analyze(folder);
            PackageFolder.SaveDryRun(folder, new DryRunReport { Failed = 2, Problems = ["import.xml(3,4): x"] });

            Assert.That(PackageFolder.KeptFiles(folder), Is.EqualTo(new[] { "import.xml" }));
            Assert.That(PackageFolder.XmlFiles(folder), Is.EqualTo(new[] { "import.xml" }));
            Assert.That(PackageFolder.LoadAnalysis(folder)!.Products, Is.EqualTo(analysis.Products).And.GreaterThan(0));
            Assert.That(PackageFolder.LoadAnalysis(folder)!.Files.Single().Path, Is.EqualTo("import.xml"));
            Assert.That(PackageFolder.LoadDryRun(folder)!.Problems, Is.EqualTo(new[] { "import.xml(3,4): x" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
