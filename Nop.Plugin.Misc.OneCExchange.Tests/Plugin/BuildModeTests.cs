using System.Diagnostics;
using System.Text.Json;
using NUnit.Framework;

namespace OneCExchange.Tests.Plugin;

/// <summary>
/// The project file picks how the plugin compiles: inside a nopCommerce source tree, against a published store
/// (NopDir), or against nopcommerce-ref. Checked by evaluating the project (no build) in each situation.
/// </summary>
public class BuildModeTests
{
    private sealed record Evaluation(string Mode, string OutDir, List<JsonElement> References, List<JsonElement> ProjectReferences, List<JsonElement> PackageReferences);

    private static Evaluation Evaluate(string projectFile, params string[] properties)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "msbuild", projectFile, "-nologo", "-getProperty:NopBuildMode", "-getProperty:OutDir",
                     "-getItem:Reference", "-getItem:ProjectReference", "-getItem:PackageReference" }.Concat(properties.Select(p => "-p:" + p)))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"evaluation failed:\n{output.Result}\n{error.Result}");

        var root = JsonDocument.Parse(output.Result).RootElement;
        List<JsonElement> Items(string name) =>
            root.GetProperty("Items").TryGetProperty(name, out var items) ? items.EnumerateArray().ToList() : [];
        return new Evaluation(root.GetProperty("Properties").GetProperty("NopBuildMode").GetString()!,
            root.GetProperty("Properties").GetProperty("OutDir").GetString()!,
            Items("Reference"), Items("ProjectReference"), Items("PackageReference"));
    }

    /// <summary>The assembly name of a reference, or the project name of a project reference.</summary>
    private static string Identity(JsonElement item)
    {
        var name = Path.GetFileName(item.GetProperty("Identity").GetString()!.Replace('\\', '/'));
        return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? name[..^".csproj".Length] : name;
    }

    private static string Metadata(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    [Test]
    public void Without_nopCommerce_it_compiles_against_the_reference_and_copies_none_of_it()
    {
        var evaluation = Evaluate(PluginPaths.ProjectFile);
        var nopProjects = evaluation.ProjectReferences.Where(p => Identity(p) != "OneCExchange.Core").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Mode, Is.EqualTo("Reference"));
            Assert.That(nopProjects.Select(Identity), Is.EquivalentTo(new[]
                { "Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "FluentMigrator", "FluentMigrator.Abstractions", "linq2db" }));
            Assert.That(nopProjects.Select(p => Metadata(p, "Private")), Is.All.EqualTo("false"));
            Assert.That(evaluation.PackageReferences.Select(p => Metadata(p, "ExcludeAssets")), Is.All.EqualTo("runtime"));
        });
    }

    [Test]
    public void With_NopDir_it_compiles_against_the_store_assemblies_and_copies_none_of_them()
    {
        var store = Path.Combine(Path.GetTempPath(), "published-store");
        var evaluation = Evaluate(PluginPaths.ProjectFile, "NopDir=" + store);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Mode, Is.EqualTo("Binaries"));
            Assert.That(evaluation.References.Select(Identity), Is.EquivalentTo(new[]
            {
                "Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework",
                "AutoMapper", "FluentValidation", "FluentMigrator", "FluentMigrator.Abstractions", "linq2db"
            }));
            foreach (var reference in evaluation.References)
            {
                Assert.That(Path.GetDirectoryName(Metadata(reference, "HintPath")), Is.EqualTo(store), Identity(reference));
                Assert.That(Metadata(reference, "Private"), Is.EqualTo("false"), Identity(reference));
            }
            Assert.That(evaluation.ProjectReferences.Select(Identity), Is.EqualTo(new[] { "OneCExchange.Core" }));
            Assert.That(evaluation.PackageReferences, Is.Empty);
        });
    }

    [Test]
    public void Inside_a_nopCommerce_source_tree_it_builds_like_the_bundled_plugins()
    {
        // src/Plugins/Nop.Plugin.Misc.OneCExchange beside src/Presentation/Nop.Web.Framework, as in nopCommerce.
        var src = Directory.CreateTempSubdirectory("nop-src").FullName;
        try
        {
            var framework = Directory.CreateDirectory(Path.Combine(src, "Presentation", "Nop.Web.Framework")).FullName;
            File.WriteAllText(Path.Combine(framework, "Nop.Web.Framework.csproj"), "<Project />");
            var plugin = Directory.CreateDirectory(Path.Combine(src, "Plugins", "Nop.Plugin.Misc.OneCExchange")).FullName;
            File.Copy(PluginPaths.ProjectFile, Path.Combine(plugin, Path.GetFileName(PluginPaths.ProjectFile)));

            var evaluation = Evaluate(Path.Combine(plugin, Path.GetFileName(PluginPaths.ProjectFile)));

            Assert.Multiple(() =>
            {
                Assert.That(evaluation.Mode, Is.EqualTo("Source"));
                Assert.That(Path.GetFullPath(evaluation.OutDir),
                    Is.EqualTo(Path.Combine(src, "Presentation", "Nop.Web", "Plugins", "Misc.OneCExchange") + Path.DirectorySeparatorChar));
                Assert.That(evaluation.ProjectReferences.Select(Identity), Is.EquivalentTo(new[] { "OneCExchange.Core", "Nop.Web.Framework" }));
                Assert.That(evaluation.References, Is.Empty);
                Assert.That(evaluation.PackageReferences, Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(src, recursive: true);
        }
    }
}
