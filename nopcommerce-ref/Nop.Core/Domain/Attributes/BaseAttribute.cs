namespace Nop.Core.Domain.Attributes;

public abstract partial class BaseAttribute : BaseEntity
{
    public string Name { get; set; }
}
