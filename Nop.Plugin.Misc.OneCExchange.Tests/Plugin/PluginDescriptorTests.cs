using System.Text.Json;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;

namespace OneCExchange.Tests.Plugin;

public class PluginDescriptorTests
{
    private static JsonElement Descriptor()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PluginPaths.ProjectDir, "plugin.json")));
        return document.RootElement.Clone();
    }

    [Test]
    public void Descriptor_names_the_plugin_as_nopCommerce_expects()
    {
        var descriptor = Descriptor();
        Assert.Multiple(() =>
        {
            Assert.That(descriptor.GetProperty("Group").GetString(), Is.EqualTo("Misc"));
            Assert.That(descriptor.GetProperty("SystemName").GetString(), Is.EqualTo(OneCExchangeDefaults.SystemName));
            Assert.That(descriptor.GetProperty("FileName").GetString(), Is.EqualTo(PluginPaths.AssemblyFileName));
            Assert.That(descriptor.GetProperty("FriendlyName").GetString(), Is.Not.Empty);
            Assert.That(descriptor.GetProperty("Description").GetString(), Has.Length.GreaterThan(40));
            Assert.That(Version.TryParse(descriptor.GetProperty("Version").GetString(), out _), Is.True);
        });
    }

    [Test]
    public void Descriptor_supports_4_90_and_sets_no_limits()
    {
        var descriptor = Descriptor();
        Assert.Multiple(() =>
        {
            Assert.That(descriptor.GetProperty("SupportedVersions").EnumerateArray().Select(v => v.GetString()), Does.Contain("4.90"));
            // nopCommerce reads these as lists: an empty string instead of an array breaks the descriptor.
            foreach (var list in new[] { "LimitedToStores", "LimitedToCustomerRoles" })
            {
                Assert.That(descriptor.GetProperty(list).ValueKind, Is.EqualTo(JsonValueKind.Array), list);
                Assert.That(descriptor.GetProperty(list).GetArrayLength(), Is.Zero, list);
            }
        });
    }

    [Test]
    public void Configure_view_is_addressed_under_the_system_name_and_exists()
    {
        var prefix = $"~/Plugins/{OneCExchangeDefaults.SystemName}/";
        Assert.That(OneCExchangeDefaults.ConfigurationViewPath, Does.StartWith(prefix));
        var relative = OneCExchangeDefaults.ConfigurationViewPath[prefix.Length..];
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(PluginPaths.ProjectDir, relative)), Is.True, "view in the project");
            Assert.That(File.Exists(Path.Combine(PluginPaths.OutputDir, relative)), Is.True, "view in the build output");
        });
    }
}
