using System.Linq.Expressions;
using Nop.Core.Domain.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// The product columns offers (prices, stock, roll-ups) read and write. An offers-only batch reads just these instead
/// of whole products (names, descriptions and some 80 other columns it never uses).
/// </summary>
public static class ProductOfferColumns
{
    /// <summary>The projection of a product onto its offer columns (the other properties keep their defaults).</summary>
    public static readonly Expression<Func<Product, Product>> Projection = p => new Product
    {
        Id = p.Id,
        Price = p.Price,
        OldPrice = p.OldPrice,
        ProductCost = p.ProductCost,
        StockQuantity = p.StockQuantity,
        UseMultipleWarehouses = p.UseMultipleWarehouses,
        UpdatedOnUtc = p.UpdatedOnUtc
    };

    /// <summary>Copies the offer columns from a product read by <see cref="Projection"/> into a whole one.</summary>
    public static void Copy(Product from, Product to)
    {
        to.Price = from.Price;
        to.OldPrice = from.OldPrice;
        to.ProductCost = from.ProductCost;
        to.StockQuantity = from.StockQuantity;
        to.UseMultipleWarehouses = from.UseMultipleWarehouses;
        to.UpdatedOnUtc = from.UpdatedOnUtc;
    }
}
