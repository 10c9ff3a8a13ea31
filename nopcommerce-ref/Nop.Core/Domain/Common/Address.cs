namespace Nop.Core.Domain.Common;

public partial class Address : BaseEntity
{
    public string Address1 { get; set; }
    public DateTime CreatedOnUtc { get; set; }
}
