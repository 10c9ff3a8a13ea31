namespace Nop.Core.Domain.Catalog;

public enum ManageInventoryMethod
{
    DontManageStock = 0,

    ManageStock = 1,

    ManageStockByAttributes = 2
}
