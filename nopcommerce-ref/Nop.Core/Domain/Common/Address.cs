namespace Nop.Core.Domain.Common;

public partial class Address : BaseEntity
{
    public DateTime CreatedOnUtc { get; set; }
}
