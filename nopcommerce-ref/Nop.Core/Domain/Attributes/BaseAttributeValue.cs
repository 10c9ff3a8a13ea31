namespace Nop.Core.Domain.Attributes;

public abstract partial class BaseAttributeValue : BaseEntity
{
    public string Name { get; set; }

    public int AttributeId { get; set; }
}
