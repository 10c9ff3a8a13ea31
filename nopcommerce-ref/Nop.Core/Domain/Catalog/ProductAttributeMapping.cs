namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeMapping : BaseEntity
{
    public int ProductId { get; set; }

    public int ProductAttributeId { get; set; }

    public bool IsRequired { get; set; }

    public int AttributeControlTypeId { get; set; }

    public int DisplayOrder { get; set; }
}
