namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeValue : BaseEntity
{
    public int ProductAttributeMappingId { get; set; }

    public int AttributeValueTypeId { get; set; }

    public string Name { get; set; }

    public int DisplayOrder { get; set; }
}
