using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Architecture;

public class CoreIndependenceTests
{
    [Test]
    public void Core_references_no_nopCommerce_assembly()
    {
        var references = typeof(Product).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(references, Has.None.StartsWith("Nop."), "OneCExchange.Core must stay free of nopCommerce");
    }

    [Test]
    public void Core_project_declares_no_nopCommerce_reference()
    {
        var project = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "OneCExchange.Core", "OneCExchange.Core.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "Reference" or "PackageReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .ToList();

        var nopReferences = references.Where(r =>
            r.Replace('\\', '/').Split('/').Any(part => part.StartsWith("Nop", StringComparison.OrdinalIgnoreCase)));
        Assert.That(nopReferences, Is.Empty, "OneCExchange.Core.csproj must not reference nopCommerce or nopcommerce-ref");
    }
}
