namespace Nop.Core.Domain.Catalog;

public partial class SpecificationAttribute : BaseEntity
{
    public string Name { get; set; }

    public int DisplayOrder { get; set; }
}
