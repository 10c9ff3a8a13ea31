using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Orders;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

public class OrderSnapshotTests
{
    private FakeNopStore _store = null!;

    [SetUp]
    public void SetUp() => _store = new FakeNopStore();

    private async Task<OrderSnapshot> SnapshotAsync(Order order)
    {
        var snapshots = new List<OrderSnapshot>();
        await foreach (var snapshot in _store.Source.GetSnapshotsAsync([order.Id], CancellationToken.None))
            snapshots.Add(snapshot);
        Assert.That(snapshots, Has.Count.EqualTo(1));
        return snapshots[0];
    }

    [Test]
    public async Task Registered_customer_is_a_person_contractor_identified_by_the_customer_guid()
    {
        var customer = _store.AddCustomer(registered: true, email: "account@example.ru");
        var country = _store.Countries.Add(new Country { Name = "Россия" });
        var region = _store.StateProvinces.Add(new StateProvince { Name = "Московская область" });
        var billing = _store.AddAddress(firstName: "Анна", lastName: "Смирнова", email: "anna@example.ru");
        billing.CountryId = country.Id;
        billing.StateProvinceId = region.Id;
        billing.County = "Одинцовский район";
        var order = _store.PlaceOrder(customer, billing);

        var snapshot = await SnapshotAsync(order);

        var contractor = snapshot.Customer;
        Assert.Multiple(() =>
        {
            Assert.That(contractor.Id, Is.EqualTo(customer.CustomerGuid.ToString()));
            Assert.That(contractor.Kind, Is.EqualTo(ContractorKind.Person));
            Assert.That(contractor.Name, Is.EqualTo("Смирнова Анна"));
            Assert.That(contractor.LastName, Is.EqualTo("Смирнова"));
            Assert.That(contractor.FirstName, Is.EqualTo("Анна"));
            Assert.That(contractor.Email, Is.EqualTo(billing.Email), "the order's billing e-mail wins over the account's");
            Assert.That(contractor.Phone, Is.EqualTo(billing.PhoneNumber));
            Assert.That(contractor.RegistrationAddress, Is.EqualTo(new PostalAddressSnapshot
            {
                PostalCode = billing.ZipPostalCode, Country = "Россия", Region = "Московская область", District = "Одинцовский район",
                City = billing.City, Street = billing.Address1, House = billing.Address2,
            }));
            Assert.That(contractor.DeliveryAddress, Is.EqualTo(contractor.RegistrationAddress));
            Assert.That(contractor.Inn, Is.Null);
        });
    }

    [Test]
    public async Task Guests_get_one_contractor_per_order_email()
    {
        var first = _store.PlaceOrder(billing: _store.AddAddress(email: "Guest@Example.ru"));
        var second = _store.PlaceOrder(billing: _store.AddAddress(email: " guest@example.ru "));
        var other = _store.PlaceOrder(billing: _store.AddAddress(email: "someone.else@example.ru"));

        var firstId = (await SnapshotAsync(first)).Customer.Id;
        var secondId = (await SnapshotAsync(second)).Customer.Id;
        var otherId = (await SnapshotAsync(other)).Customer.Id;

        Assert.Multiple(() =>
        {
            Assert.That(firstId, Does.StartWith("guest-"));
            Assert.That(secondId, Is.EqualTo(firstId), "the same e-mail, whatever its case and spaces, is the same contractor");
            Assert.That(otherId, Is.Not.EqualTo(firstId));
            Assert.That(_store.Customers.Rows.Select(c => c.CustomerGuid.ToString()), Has.No.Member(firstId),
                "a guest's contractor id is not the per-visit guest customer's GUID");
        });
    }

    [Test]
    public async Task Company_contractor_carries_inn_and_kpp_from_the_customer_attributes_named_in_settings()
    {
        var inn = _store.CustomerAttributes.Add(new CustomerAttribute { Name = "ИНН" });
        var kpp = _store.CustomerAttributes.Add(new CustomerAttribute { Name = "КПП" });
        _store.CustomerAttributes.Add(new CustomerAttribute { Name = "Другое" });
        var customer = _store.AddCustomer(registered: true);
        customer.CustomCustomerAttributesXML = FakeCustomerServices.AttributesXml((inn.Id, "7707083893"), (kpp.Id, "773601001"));
        _store.Options = new OrderExchangeOptions { InnCustomerAttributeName = "инн", KppCustomerAttributeName = "КПП" };
        var order = _store.PlaceOrder(customer, _store.AddAddress(company: "ООО \"Ромашка\""));

        var contractor = (await SnapshotAsync(order)).Customer;

        Assert.Multiple(() =>
        {
            Assert.That(contractor.Kind, Is.EqualTo(ContractorKind.Company));
            Assert.That(contractor.Name, Is.EqualTo("ООО \"Ромашка\""));
            Assert.That(contractor.Inn, Is.EqualTo("7707083893"));
            Assert.That(contractor.Kpp, Is.EqualTo("773601001"));
        });
    }

    [Test]
    public async Task Inn_is_not_read_when_no_attribute_is_named_in_settings()
    {
        var inn = _store.CustomerAttributes.Add(new CustomerAttribute { Name = "ИНН" });
        var customer = _store.AddCustomer(registered: true);
        customer.CustomCustomerAttributesXML = FakeCustomerServices.AttributesXml((inn.Id, "7707083893"));

        var contractor = (await SnapshotAsync(_store.PlaceOrder(customer))).Customer;

        Assert.That(contractor.Inn, Is.Null);
        Assert.That(contractor.Kind, Is.EqualTo(ContractorKind.Person));
    }

    [Test]
    public async Task Combination_from_1C_is_sent_with_its_product_hash_variant_id_and_own_sku()
    {
        var product = _store.AddProduct("Футболка", sku: "TS", oneCId: "bd7ef1f2-0001");
        const string attributesXml = "<Attributes><ProductAttribute ID=\"1\"><ProductAttributeValue><Value>2</Value></ProductAttributeValue></ProductAttribute></Attributes>";
        _store.AddCombination(product, attributesXml, sku: "TS-RED-L", oneCId: "bd7ef1f2-0001#77aa");
        var order = _store.PlaceOrder(items: (product, 2, 500m));
        var item = _store.OrderItems.Rows.Single(i => i.OrderId == order.Id);
        item.AttributesXml = attributesXml;
        item.AttributeDescription = "Цвет: Красный<br />Размер: L";

        var line = (await SnapshotAsync(order)).Lines.Single();

        Assert.Multiple(() =>
        {
            Assert.That(line.OneCId, Is.EqualTo("bd7ef1f2-0001#77aa"));
            Assert.That(line.DocumentProductId, Is.EqualTo("bd7ef1f2-0001#77aa"));
            Assert.That(line.Sku, Is.EqualTo("TS-RED-L"));
            Assert.That(line.Name, Is.EqualTo("Футболка (Цвет: Красный; Размер: L)"));
            Assert.That(line.Quantity, Is.EqualTo(item.Quantity));
            Assert.That(line.Sum, Is.EqualTo(item.PriceInclTax));
        });
    }

    [Test]
    public async Task Product_not_from_1C_is_sent_with_a_stable_site_id_name_and_sku()
    {
        var fromOneC = _store.AddProduct("Из 1С", oneCId: "1c-product");
        var local = _store.AddProduct("Только на сайте", sku: "SITE-1");
        var order = _store.PlaceOrder(items: [(fromOneC, 1, 10m), (local, 3, 20m)]);

        var lines = (await SnapshotAsync(order)).Lines;
        var again = (await SnapshotAsync(order)).Lines;

        Assert.Multiple(() =>
        {
            Assert.That(lines[0].OneCId, Is.EqualTo("1c-product"));
            Assert.That(lines[1].OneCId, Is.Null);
            Assert.That(lines[1].DocumentProductId, Is.EqualTo($"site-product-{local.Id}"));
            Assert.That(again[1].DocumentProductId, Is.EqualTo(lines[1].DocumentProductId), "the site id is stable");
            Assert.That(lines[1].Name, Is.EqualTo(local.Name));
            Assert.That(lines[1].Sku, Is.EqualTo(local.Sku));
            Assert.That(lines[1].UnitPrice, Is.EqualTo(20m));
            Assert.That(lines[1].Sum, Is.EqualTo(60m));
        });
    }

    [Test]
    public async Task Product_deleted_after_the_order_keeps_its_1C_id_name_and_sku()
    {
        var product = _store.AddProduct("Снят с продажи", sku: "OLD-1", oneCId: "1c-old");
        var order = _store.PlaceOrder(items: (product, 1, 10m));
        _store.DeletedProductIds.Add(product.Id);

        var line = (await SnapshotAsync(order)).Lines.Single();

        Assert.That((line.OneCId, line.Name, line.Sku), Is.EqualTo(("1c-old", product.Name, product.Sku)));
    }

    [Test]
    public async Task Line_discount_and_vat_come_from_the_order_item()
    {
        var order = _store.PlaceOrder(items: (_store.AddProduct("Товар"), 2, 100m));
        var item = _store.OrderItems.Rows.Single(i => i.OrderId == order.Id);
        item.DiscountAmountInclTax = 24m;
        item.PriceInclTax = 2 * 100m - 24m;
        item.PriceExclTax = Math.Round(item.PriceInclTax / 1.2m, 2);

        var line = (await SnapshotAsync(order)).Lines.Single();

        Assert.Multiple(() =>
        {
            Assert.That(line.Sum, Is.EqualTo(item.PriceInclTax));
            Assert.That(line.Discount, Is.EqualTo(item.DiscountAmountInclTax));
            Assert.That(line.UnitPrice, Is.EqualTo((item.PriceInclTax + item.DiscountAmountInclTax) / item.Quantity), "before the discount");
            Assert.That(line.Vat!.RatePercent, Is.EqualTo(20m));
            Assert.That(line.Vat.Amount, Is.EqualTo(item.PriceInclTax - item.PriceExclTax));
        });
    }

    [Test]
    public async Task Shipping_payment_status_and_dates_are_carried()
    {
        _store.PaymentMethods.Add(new FakePaymentMethod("Payments.CashOnDelivery", "Оплата при получении"));
        var order = _store.PlaceOrder(createdOnUtc: new DateTime(2026, 3, 1, 21, 30, 0, DateTimeKind.Utc));
        order.OrderShippingInclTax = 300m;
        order.OrderShippingExclTax = 250m;
        order.PaymentMethodSystemName = "Payments.CashOnDelivery";
        order.ShippingMethod = "Курьер";
        order.PaymentStatusId = (int)PaymentStatus.Paid;
        order.PaidDateUtc = new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc);
        order.OrderStatusId = (int)OrderStatus.Processing;
        order.OrderDiscount = 50m;
        order.CheckoutAttributeDescription = "Комментарий: позвонить &amp; уточнить";

        var snapshot = await SnapshotAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.DocumentId, Is.EqualTo(order.Id.ToString()));
            Assert.That(snapshot.Number, Is.EqualTo(order.CustomOrderNumber));
            Assert.That(snapshot.CreatedOn, Is.EqualTo(order.CreatedOnUtc.AddHours(3)), "store time zone (UTC+3 in the fake)");
            Assert.That(snapshot.ShippingCost, Is.EqualTo(300m));
            Assert.That(snapshot.ShippingVat!.RatePercent, Is.EqualTo(20m));
            Assert.That(snapshot.ShippingVat.Amount, Is.EqualTo(50m));
            Assert.That(snapshot.PaymentMethodName, Is.EqualTo("Оплата при получении"));
            Assert.That(snapshot.PaymentMethodId, Is.EqualTo("Payments.CashOnDelivery"));
            Assert.That(snapshot.ShippingMethodName, Is.EqualTo("Курьер"));
            Assert.That(snapshot.IsPaid, Is.True);
            Assert.That(snapshot.PaidOn, Is.EqualTo(order.PaidDateUtc.Value.AddHours(3)));
            Assert.That(snapshot.Status, Is.EqualTo(StoreOrderStatus.Processing));
            Assert.That(snapshot.StatusName, Is.EqualTo("Localized Processing"));
            Assert.That(snapshot.ShippingAllowed, Is.True);
            Assert.That(snapshot.IsCancelled, Is.False);
            Assert.That(snapshot.StatusChangedOn, Is.Not.Null, "placing the order set its status");
            Assert.That(snapshot.Discounts.Select(d => d.Amount), Is.EqualTo(new[] { 50m }));
            Assert.That(snapshot.Comment, Is.EqualTo("Комментарий: позвонить & уточнить"));
            Assert.That(snapshot.Total, Is.EqualTo(order.OrderTotal));
        });
    }

    [Test]
    public async Task Unknown_payment_plugin_is_named_by_its_system_name_and_amounts_follow_the_customer_currency()
    {
        var order = _store.PlaceOrder(items: (_store.AddProduct("Товар"), 1, 1000m));
        order.PaymentMethodSystemName = "Payments.Uninstalled";
        order.CustomerCurrencyCode = "USD";
        order.CurrencyRate = 0.0125m;

        var snapshot = await SnapshotAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.PaymentMethodName, Is.EqualTo("Payments.Uninstalled"));
            Assert.That(snapshot.CurrencyCode, Is.EqualTo("USD"));
            Assert.That(snapshot.Total, Is.EqualTo(Math.Round(order.OrderTotal * order.CurrencyRate, 2)));
            Assert.That(snapshot.Lines[0].Sum, Is.EqualTo(12.5m));
            Assert.That(snapshot.CurrencyRate, Is.EqualTo(80m), "Курс: store currency units per unit of the order's currency");
        });
    }

    [Test]
    public async Task Deleted_orders_are_skipped_and_the_requested_order_is_kept()
    {
        var first = _store.PlaceOrder();
        var deleted = _store.PlaceOrder();
        var third = _store.PlaceOrder();
        deleted.Deleted = true;

        var ids = new List<int>();
        await foreach (var snapshot in _store.Source.GetSnapshotsAsync([third.Id, deleted.Id, first.Id], CancellationToken.None))
            ids.Add(snapshot.OrderId);

        Assert.That(ids, Is.EqualTo(new[] { third.Id, first.Id }));
    }
}
