namespace Nop.Core.Domain.Catalog;

public partial class ProductAttribute : BaseEntity
{
    public string Name { get; set; }
}
