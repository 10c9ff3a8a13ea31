namespace Nop.Core.Domain.Orders;

public enum OrderStatus
{
    Pending = 10,

    Processing = 20,

    Complete = 30,

    Cancelled = 40
}
