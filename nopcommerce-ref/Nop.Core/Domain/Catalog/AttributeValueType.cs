namespace Nop.Core.Domain.Catalog;

public enum AttributeValueType
{
    Simple = 0,

    AssociatedToProduct = 10
}
