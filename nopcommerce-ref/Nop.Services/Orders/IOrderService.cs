using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IOrderService
{
    Task<Order> GetOrderByIdAsync(int orderId);

    Task<Order> GetOrderByCustomOrderNumberAsync(string customOrderNumber);

    Task<IList<Order>> GetOrdersByIdsAsync(int[] orderIds);

    Task<Order> GetOrderByGuidAsync(Guid orderGuid);

    Task UpdateOrderAsync(Order order);

    Task<IList<OrderItem>> GetOrderItemsAsync(int orderId, bool? isNotReturnable = null, bool? isShipEnabled = null, int vendorId = 0);

    Task<int> GetTotalNumberOfItemsCanBeAddedToShipmentAsync(OrderItem orderItem);

    Task InsertOrderNoteAsync(OrderNote orderNote);
}
