namespace Nop.Core.Domain.Catalog;

public partial class Product : BaseEntity
{
    public string Name { get; set; }

    public string Sku { get; set; }

    public bool IsShipEnabled { get; set; }

    public int ManageInventoryMethodId { get; set; }

    public bool UseMultipleWarehouses { get; set; }

    public int WarehouseId { get; set; }
}
