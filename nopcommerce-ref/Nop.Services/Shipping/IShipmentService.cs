using Nop.Core.Domain.Shipping;

namespace Nop.Services.Shipping;

public partial interface IShipmentService
{
    Task<IList<Shipment>> GetShipmentsByOrderIdAsync(int orderId, bool? shipped = null, bool? readyForPickup = null, int vendorId = 0);

    Task InsertShipmentAsync(Shipment shipment);

    Task InsertShipmentItemAsync(ShipmentItem shipmentItem);
}
