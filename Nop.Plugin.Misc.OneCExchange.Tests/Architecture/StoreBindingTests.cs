using System.Reflection;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;

namespace OneCExchange.Tests.Architecture;

/// <summary>
/// The plugin is loaded into a nopCommerce 4.90 store: every assembly it was compiled against must be the exact
/// identity the store ships, or .NET refuses to bind (a higher version than the one loaded never binds).
/// </summary>
public class StoreBindingTests
{
    private const string FluentMigratorPublicKeyToken = "aacfc7de5acabf05";

    private static AssemblyName Reference(string name) =>
        typeof(OneCExchangePlugin).Assembly.GetReferencedAssemblies().SingleOrDefault(a => a.Name == name)
        ?? throw new AssertionException($"the plugin does not reference {name}");

    [TestCase("Nop.Core")]
    [TestCase("Nop.Data")]
    [TestCase("Nop.Services")]
    [TestCase("Nop.Web.Framework")]
    public void NopCommerce_assemblies_are_version_4_90(string name)
    {
        Assert.That(Reference(name).Version, Is.EqualTo(new Version(4, 90, 0, 0)));
    }

    [TestCase("FluentMigrator")]
    [TestCase("FluentMigrator.Abstractions")]
    public void FluentMigrator_is_the_7_1_0_that_nopCommerce_ships(string name)
    {
        var reference = Reference(name);
        Assert.Multiple(() =>
        {
            Assert.That(reference.Version, Is.EqualTo(new Version(7, 1, 0, 0)));
            Assert.That(Convert.ToHexString(reference.GetPublicKeyToken() ?? []).ToLowerInvariant(), Is.EqualTo(FluentMigratorPublicKeyToken));
        });
    }

    [TestCase("AutoMapper", 14)]
    [TestCase("FluentValidation", 11)]
    public void Shared_libraries_are_the_major_versions_nopCommerce_ships(string name, int major)
    {
        Assert.That(Reference(name).Version, Is.EqualTo(new Version(major, 0, 0, 0)));
    }
}
