namespace Nop.Core.Domain.Orders;

public partial class OrderAuthorizedEvent
{
    public OrderAuthorizedEvent(Order order)
    {
        Order = order;
    }

    public Order Order { get; }
}
