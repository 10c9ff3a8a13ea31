using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;

namespace Nop.Services.Orders;

public partial interface IOrderProcessingService
{
    Task ShipAsync(Shipment shipment, bool notifyCustomer);

    Task ReadyForPickupAsync(Shipment shipment, bool notifyCustomer);

    Task DeliverAsync(Shipment shipment, bool notifyCustomer);

    bool CanCancelOrder(Order order);

    Task CancelOrderAsync(Order order, bool notifyCustomer);

    bool CanMarkOrderAsPaid(Order order);

    Task MarkOrderAsPaidAsync(Order order);
}
