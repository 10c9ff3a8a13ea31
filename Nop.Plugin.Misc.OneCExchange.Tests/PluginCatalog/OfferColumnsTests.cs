using NUnit.Framework;
using Nop.Core.Domain.Catalog;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>Offers read only the product columns they change; the update never writes a column the batch did not change.</summary>
public class OfferColumnsTests
{
    private static async Task<(StoreHarness Harness, int ProductId)> PostgreSqlStoreWithAProductAsync()
    {
        var h = new StoreHarness(publishEntityEvents: false, dataProviderName: "PostgreSQL.9.2");
        // Written straight to the fake database: on PostgreSQL the store's own insert is a recorded statement.
        var product = new Product { Name = "Дрель", FullDescription = "Ударная", Published = true };
        await h.Db.Table<Product>().InsertAsync(product, false);
        return (h, product.Id);
    }

    private static string ProductUpdate(StoreHarness h) =>
        h.DataProvider.Executed.Select(e => e.Sql).Single(sql => sql.StartsWith("UPDATE \"Product\"", StringComparison.Ordinal));

    [Test]
    public async Task A_price_and_stock_update_writes_only_price_stock_and_the_update_time()
    {
        var (h, id) = await PostgreSqlStoreWithAProductAsync();

        await h.ApplyAsync(
            new SetOfferPrices { Key = "p", Target = OfferTarget.Product, TargetId = id, Price = 990m },
            new SetOfferStock { Key = "p", Target = OfferTarget.Product, TargetId = id, Quantity = 7 });

        var sql = ProductUpdate(h);
        Assert.That(sql, Does.Contain("\"Price\"").And.Contain("\"StockQuantity\"").And.Contain("\"UpdatedOnUtc\""));
        Assert.That(sql, Does.Not.Contain("\"Name\"").And.Not.Contain("\"FullDescription\"").And.Not.Contain("\"Published\""),
            "columns the offer did not read are not written back");
    }

    [Test]
    public async Task A_product_read_whole_after_its_offer_columns_keeps_the_offer_changes_of_the_batch()
    {
        var (h, id) = await PostgreSqlStoreWithAProductAsync();

        await h.ApplyAsync(
            new SetOfferStock { Key = "p", Target = OfferTarget.Product, TargetId = id, Quantity = 7 },
            new UnpublishEntity { Key = "p", EntityKind = CatalogEntityKind.Product, EntityId = id });

        var sql = ProductUpdate(h);
        Assert.That(sql, Does.Contain("\"StockQuantity\"").And.Contain("\"Published\""));
        Assert.That(sql, Does.Not.Contain("\"Name\"").And.Not.Contain("\"FullDescription\""));
        var parameters = h.DataProvider.Executed.Single(e => e.Sql == sql).Parameters.Select(p => p.Value).ToList();
        Assert.That(parameters, Does.Contain(7).And.Contain(false));
    }

    [Test]
    public async Task Without_the_set_based_update_offers_read_whole_products()
    {
        var h = new StoreHarness(publishEntityEvents: false);
        var id = await h.IdOf(new UpsertProduct { Key = "p", Name = "Дрель", FullDescription = "Ударная" });

        await h.ApplyAsync(new SetOfferPrices { Key = "p", Target = OfferTarget.Product, TargetId = id, Price = 990m });

        var p = h.Row<Product>(id);
        Assert.That((p.Name, p.FullDescription, p.Price), Is.EqualTo(("Дрель", "Ударная", 990m)),
            "nopCommerce's own list update writes whole rows: it must get whole products");
    }
}
