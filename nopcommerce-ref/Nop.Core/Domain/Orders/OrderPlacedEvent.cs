namespace Nop.Core.Domain.Orders;

public partial class OrderPlacedEvent
{
    public OrderPlacedEvent(Order order)
    {
        Order = order;
    }

    public Order Order { get; }
}
