using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;

namespace OneCExchange.Tests.PluginOrders.Fakes;

/// <summary>
/// Products of the fake store. As in nopCommerce, the lookup by ids leaves deleted products out and the lookup by one
/// id does not.
/// </summary>
public sealed class FakeCatalogServices(FakeNopStore store) : IProductService
{
    public Task<Product> GetProductByIdAsync(int productId) =>
        Task.FromResult(store.Products.Rows.FirstOrDefault(p => p.Id == productId)!);

    public Task<IList<Product>> GetProductsByIdsAsync(int[] productIds) =>
        Task.FromResult<IList<Product>>(store.Products.Rows
            .Where(p => productIds.Contains(p.Id) && !store.DeletedProductIds.Contains(p.Id))
            .ToList());

    public Task<IList<ProductWarehouseInventory>> GetAllProductWarehouseInventoryRecordsAsync(int productId) =>
        Task.FromResult<IList<ProductWarehouseInventory>>(store.WarehouseInventory.Rows.Where(i => i.ProductId == productId).ToList());
}
