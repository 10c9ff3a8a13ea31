using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface IProductAttributeParser
{
    string AddProductAttribute(string attributesXml, ProductAttributeMapping productAttributeMapping, string value, int? quantity = null);
}
