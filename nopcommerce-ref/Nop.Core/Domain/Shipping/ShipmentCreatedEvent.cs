namespace Nop.Core.Domain.Shipping;

public partial class ShipmentCreatedEvent
{
    public ShipmentCreatedEvent(Shipment shipment)
    {
        Shipment = shipment;
    }

    public Shipment Shipment { get; }
}
