using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Plugin;

/// <summary>
/// The zip for nopCommerce's "Upload plugin or theme": packed here by the same PackagePlugin target build.sh runs,
/// from the build the tests use; and dist/ itself when build.sh has run.
/// </summary>
public class PluginPackageTests
{
    private static readonly string[] OwnAssemblies = [PluginPaths.AssemblyFileName, "OneCExchange.Core.dll"];

    private string _distDir = "";

    [OneTimeSetUp]
    public void PackFromTheTestedBuild()
    {
        _distDir = Path.Combine(Path.GetTempPath(), "onec-package-" + Guid.NewGuid().ToString("N"));
        // The plugin's configuration is the tests' one: .../Tests/bin/<Configuration>/<tfm>/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "msbuild", PluginPaths.ProjectFile, "-t:PackagePlugin", "-nologo", "-v:m",
                $"-p:Configuration={configuration}", $"-p:PluginDistDir={_distDir}" }
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"PackagePlugin failed:\n{output.Result}\n{error.Result}");
    }

    [OneTimeTearDown]
    public void DeletePackage()
    {
        if (Directory.Exists(_distDir))
            Directory.Delete(_distDir, recursive: true);
    }

    [Test]
    public void Fresh_package_is_an_uploadable_plugin() => AssertUploadablePlugin(_distDir);

    [Test]
    public void Dist_from_build_sh_is_an_uploadable_plugin()
    {
        var dist = Path.Combine(TestPaths.RepoRoot, "dist");
        if (!File.Exists(Path.Combine(dist, OneCExchangeDefaults.SystemName + ".zip")))
            Assert.Ignore("dist/ has no plugin zip: run ./build.sh (or build.cmd) before the tests to check it.");
        AssertUploadablePlugin(dist);
    }

    private static void AssertUploadablePlugin(string distDir)
    {
        var root = OneCExchangeDefaults.SystemName;
        using var zip = ZipFile.OpenRead(Path.Combine(distDir, root + ".zip"));
        var names = zip.Entries.Where(e => e.Name.Length > 0).Select(e => e.FullName).ToList();

        Assert.Multiple(() =>
        {
            // nopCommerce's upload takes exactly one root folder, named after the plugin, '/'-separated.
            Assert.That(zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct(), Is.EqualTo(new[] { root }));
            Assert.That(names, Has.None.Contains("\\"));
            foreach (var required in new[] { "plugin.json", "logo.png", "Views/Configure.cshtml", "Views/_ViewImports.cshtml", "Localization/en.xml", "Localization/ru.xml" }
                         .Concat(OwnAssemblies))
                Assert.That(names, Does.Contain($"{root}/{required}"));

            // Only our own assemblies: nopCommerce brings Nop.* and the libraries it ships.
            var assemblies = names.Where(n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(Path.GetFileName).ToList();
            Assert.That(assemblies, Is.EquivalentTo(OwnAssemblies));
            Assert.That(assemblies.Where(a => a!.StartsWith("Nop.", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(new[] { PluginPaths.AssemblyFileName }));
        });

        using (var reader = new StreamReader(zip.GetEntry($"{root}/plugin.json")!.Open()))
        {
            using var packed = JsonDocument.Parse(reader.ReadToEnd());
            Assert.That(packed.RootElement.GetProperty("SystemName").GetString(), Is.EqualTo(root));
            Assert.That(packed.RootElement.GetProperty("FileName").GetString(), Is.EqualTo(PluginPaths.AssemblyFileName));
            Assert.That(packed.RootElement.GetProperty("SupportedVersions").EnumerateArray().Select(v => v.GetString()), Does.Contain("4.90"));
        }

        using (var logo = zip.GetEntry($"{root}/logo.png")!.Open())
        {
            var signature = new byte[8];
            logo.ReadExactly(signature);
            Assert.That(signature, Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "logo.png is a PNG");
        }

        // The unpacked folder beside the zip holds the same files.
        var folder = Path.Combine(distDir, root);
        var folderFiles = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => root + "/" + Path.GetRelativePath(folder, f).Replace('\\', '/'));
        Assert.That(folderFiles, Is.EquivalentTo(names));
    }
}
