namespace Nop.Core.Domain.Catalog;

public enum SpecificationAttributeType
{
    Option = 0,

    CustomText = 10,

    CustomHtmlText = 20,

    Hyperlink = 30
}
