using NUnit.Framework;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Tests.Architecture;

public class CoreIndependenceTests
{
    [Test]
    public void Core_references_no_nopCommerce_assembly()
    {
        var references = typeof(Product).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(references, Has.None.StartsWith("Nop."), "OneCExchange.Core must stay free of nopCommerce");
    }
}
