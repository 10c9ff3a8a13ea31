using System.Xml.Linq;
using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;

namespace OneCExchange.Tests.Fakes;

/// <summary>
/// Builds AttributesXml in nopCommerce's documented shape: Attributes / ProductAttribute ID=mapping id /
/// ProductAttributeValue / Value = value id (pure XML work, no database round trip); finds a combination of the
/// table given by its exact AttributesXml.
/// </summary>
public sealed class FakeProductAttributeParser(InMemoryRepository<ProductAttributeCombination>? combinations = null) : IProductAttributeParser
{
    public string AddProductAttribute(string attributesXml, ProductAttributeMapping productAttributeMapping, string value,
        int? quantity = null)
    {
        var root = string.IsNullOrEmpty(attributesXml) ? new XElement("Attributes") : XElement.Parse(attributesXml);
        var attribute = root.Elements("ProductAttribute")
            .FirstOrDefault(e => (int?)e.Attribute("ID") == productAttributeMapping.Id);
        if (attribute is null)
            root.Add(attribute = new XElement("ProductAttribute", new XAttribute("ID", productAttributeMapping.Id)));
        attribute.Add(new XElement("ProductAttributeValue", new XElement("Value", value)));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    public Task<ProductAttributeCombination> FindProductAttributeCombinationAsync(Product product, string attributesXml,
        bool ignoreNonCombinableAttributes = true) =>
        Task.FromResult((combinations ?? throw new NotSupportedException("The test gave no combinations to search."))
            .Rows.FirstOrDefault(c => c.ProductId == product.Id && c.AttributesXml == attributesXml)!);

    public IList<string> ParseValues(string attributesXml, int productAttributeMappingId) =>
        string.IsNullOrEmpty(attributesXml)
            ? []
            : Parse(attributesXml).Where(p => p.MappingId == productAttributeMappingId)
                .Select(p => p.ValueId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>(mapping id, value id) pairs of an AttributesXml, for assertions.</summary>
    public static List<(int MappingId, int ValueId)> Parse(string attributesXml) =>
        XElement.Parse(attributesXml).Elements("ProductAttribute")
            .SelectMany(a => a.Elements("ProductAttributeValue").Select(v => ((int)a.Attribute("ID")!, (int)v.Element("Value")!)))
            .ToList();
}
