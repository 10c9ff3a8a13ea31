namespace Nop.Core.Domain.Directory;

public partial class Country : BaseEntity
{
    public string Name { get; set; }
}
