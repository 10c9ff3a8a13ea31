namespace Nop.Core.Domain.Shipping;

public partial class ShippingMethod : BaseEntity
{
    public string Name { get; set; }
}
