namespace Nop.Core.Domain.Catalog;

public enum ProductType
{
    SimpleProduct = 5,

    GroupedProduct = 10
}
