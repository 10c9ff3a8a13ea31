using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Shipping;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.PluginCatalog.Fakes;
using NopTierPrice = Nop.Core.Domain.Catalog.TierPrice;

namespace OneCExchange.Tests.PluginCatalog;

public class OfferStoreTests
{
    private StoreHarness _h = null!;
    private int _productId;
    private CustomerRole _wholesale = null!, _vip = null!;

    [SetUp]
    public async Task CreateProductAndRoles()
    {
        _h = new StoreHarness();
        _productId = await _h.IdOf(new UpsertProduct { Key = "p", Name = "P" });
        _wholesale = new CustomerRole { Name = "Опт", SystemName = "Wholesale", Active = true };
        _vip = new CustomerRole { Name = "VIP", SystemName = "Vip", Active = true };
        await _h.Db.Table<CustomerRole>().InsertAsync([_wholesale, _vip]);
    }

    [Test]
    public async Task Prices_go_to_price_old_price_cost_and_a_tier_price_per_role()
    {
        await _h.ApplyAsync(new SetOfferPrices
        {
            Key = "p", Target = OfferTarget.Product, TargetId = _productId, Price = 1000m, OldPrice = 1200m, ProductCost = 600m,
            TierPrices = [new("Wholesale", 800m)], ManagedTierRoles = ["Wholesale", "Vip"]
        });

        var p = _h.Row<Product>(_productId);
        Assert.That((p.Price, p.OldPrice, p.ProductCost), Is.EqualTo((1000m, 1200m, 600m)));
        var tier = _h.Db.Rows<NopTierPrice>().Single();
        Assert.That((tier.ProductId, tier.CustomerRoleId, tier.Quantity, tier.StoreId, tier.Price), Is.EqualTo((_productId, (int?)_wholesale.Id, 1, 0, 800m)));
    }

    [Test]
    public async Task Tier_prices_of_managed_roles_follow_1C_and_others_stay()
    {
        var manual = new NopTierPrice { ProductId = _productId, CustomerRoleId = _vip.Id, Quantity = 10, Price = 500m };
        await _h.Db.Table<NopTierPrice>().InsertAsync(manual);
        await _h.ApplyAsync(new SetOfferPrices { Key = "p", Target = OfferTarget.Product, TargetId = _productId, TierPrices = [new("Wholesale", 800m), new("Vip", 850m)], ManagedTierRoles = ["Wholesale", "Vip"] });

        await _h.ApplyAsync(new SetOfferPrices { Key = "p", Target = OfferTarget.Product, TargetId = _productId, TierPrices = [new("Vip", 870m)], ManagedTierRoles = ["Wholesale", "Vip"] });

        Assert.That(_h.Db.Rows<NopTierPrice>().Select(t => (t.CustomerRoleId, t.Quantity, t.Price)), Is.EquivalentTo(new[]
        {
            ((int?)_vip.Id, 10, 500m), (_vip.Id, 1, 870m)
        }));
    }

    [Test]
    public void An_unknown_customer_role_is_a_clear_settings_error()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => _h.ApplyAsync(new SetOfferPrices
        {
            Key = "p", Target = OfferTarget.Product, TargetId = _productId, Price = 1m, TierPrices = [new("Dealers", 1m)], ManagedTierRoles = ["Dealers"]
        }));
        Assert.That(error!.Message, Does.Contain("\"Dealers\""));
        Assert.That(_h.Row<Product>(_productId).Price, Is.EqualTo(0m), "nothing of the batch is written");
    }

    [Test]
    public void An_offer_of_a_product_gone_from_the_store_names_the_offer()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => _h.ApplyAsync(
            new SetOfferStock { Key = "offer-of-a-lost-product", Target = OfferTarget.Product, TargetId = 999, Quantity = 1 }));
        Assert.That(error!.Message, Does.Contain("offer-of-a-lost-product").And.Contain("999"));
    }

    [Test]
    public async Task Total_stock_goes_to_the_product()
    {
        await _h.ApplyAsync(new SetOfferStock { Key = "p", Target = OfferTarget.Product, TargetId = _productId, Quantity = 17 });
        var p = _h.Row<Product>(_productId);
        Assert.That((p.StockQuantity, p.UseMultipleWarehouses), Is.EqualTo((17, false)));
    }

    [Test]
    public async Task Warehouses_are_created_on_first_sight_with_an_address_and_hold_the_stock_per_warehouse()
    {
        var created = await _h.ApplyAsync(new UpsertWarehouse { Key = "w1", Name = "Склад Москва", Address = "Москва, ул. Ленина, 1" },
            new UpsertWarehouse { Key = "w2", Name = "Склад СПб" });
        var (w1, w2) = (created.Outcomes[0].EntityId, created.Outcomes[1].EntityId);
        var warehouse = _h.Row<Warehouse>(w1);
        Assert.That(_h.Row<Address>(warehouse.AddressId).Address1, Is.EqualTo("Москва, ул. Ленина, 1"));
        Assert.That(_h.Row<Warehouse>(w2).AddressId, Is.Not.EqualTo(warehouse.AddressId).And.GreaterThan(0));

        await _h.ApplyAsync(new SetOfferStock { Key = "p", Target = OfferTarget.Product, TargetId = _productId, Quantity = 7, Warehouses = [new(w1, 5), new(w2, 2)] });
        var reserved = _h.Db.Rows<ProductWarehouseInventory>().Single(w => w.WarehouseId == w2);
        reserved.ReservedQuantity = 1;
        await _h.Db.Table<ProductWarehouseInventory>().UpdateAsync(reserved);

        await _h.ApplyAsync(new SetOfferStock { Key = "p", Target = OfferTarget.Product, TargetId = _productId, Quantity = 4, Warehouses = [new(w1, 4)] });

        Assert.That(_h.Row<Product>(_productId).UseMultipleWarehouses, Is.True);
        Assert.That(_h.Db.Rows<ProductWarehouseInventory>().Select(w => (w.WarehouseId, w.StockQuantity, w.ReservedQuantity)),
            Is.EquivalentTo(new[] { (w1, 4, 0), (w2, 0, 1) }), "a warehouse 1C no longer lists has no stock; reservations stay");
    }
}
