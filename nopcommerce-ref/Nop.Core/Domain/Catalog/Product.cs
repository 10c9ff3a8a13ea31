using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Catalog;

public partial class Product : BaseEntity, ISoftDeletedEntity
{
    public string Name { get; set; }

    public string Sku { get; set; }

    public bool IsShipEnabled { get; set; }

    public int ManageInventoryMethodId { get; set; }

    public ManageInventoryMethod ManageInventoryMethod
    {
        get => (ManageInventoryMethod)ManageInventoryMethodId;
        set => ManageInventoryMethodId = (int)value;
    }

    public bool UseMultipleWarehouses { get; set; }

    public int WarehouseId { get; set; }

    public int ProductTypeId { get; set; }

    public bool VisibleIndividually { get; set; }

    public string ShortDescription { get; set; }

    public string FullDescription { get; set; }

    public bool AllowCustomerReviews { get; set; }

    public string Gtin { get; set; }

    public int TaxCategoryId { get; set; }

    public int StockQuantity { get; set; }

    public bool DisplayStockAvailability { get; set; }

    public int NotifyAdminForQuantityBelow { get; set; }

    public int OrderMinimumQuantity { get; set; }

    public int OrderMaximumQuantity { get; set; }

    public decimal Price { get; set; }

    public decimal OldPrice { get; set; }

    public decimal ProductCost { get; set; }

    public decimal Weight { get; set; }

    public bool Published { get; set; }

    public bool Deleted { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime UpdatedOnUtc { get; set; }
}
