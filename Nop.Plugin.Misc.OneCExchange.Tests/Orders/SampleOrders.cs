using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Tests.Orders;

/// <summary>Order snapshots shaped like the ones the plugin builds from nopCommerce orders.</summary>
internal static class SampleOrders
{
    public static OrderSnapshot Person(int id, string? name = null, decimal shippingCost = 340m) => new()
    {
        OrderId = id,
        DocumentId = id.ToString(),
        Number = "N-" + id,
        CreatedOn = new DateTime(2026, 11, 20, 15, 19, 27),
        CurrencyCode = "RUB",
        CurrencyRate = 1m,
        Total = 6394.47m + 2 * 150m - 30m + shippingCost,
        Comment = "Позвонить перед доставкой",
        Customer = new ContractorSnapshot
        {
            Id = "customer-8f0c2b7e",
            Name = "Иванов Иван",
            FullName = "Иванов Иван Петрович",
            LastName = "Иванов",
            FirstName = "Иван",
            MiddleName = "Петрович",
            Email = "ivanov@example.ru",
            Phone = "+7 900 000-00-00",
            RegistrationAddress = new PostalAddressSnapshot
            {
                PostalCode = "101000", Country = "Россия", Region = "Москва", City = "Москва", Street = "ул. Мясницкая, 1",
            },
            DeliveryAddress = new PostalAddressSnapshot
            {
                PostalCode = "400066", Country = "Россия", City = "Волгоград", Street = "ул. Комсомольская", House = "6",
            },
        },
        Lines =
        [
            new OrderLineSnapshot
            {
                OneCId = "dee6e19a-55bc-11d9-848a-00112f43529a", OneCCatalogId = "bd72d8f9-55bc-11d9-848a-00112f43529a", SiteId = "site-product-1", Name = name ?? "Телевизор \"JVC\"",
                Sku = "TV-JVC", Quantity = 1, UnitPrice = 6394.47m, Sum = 6394.47m,
                Vat = new VatSnapshot(20m, 1065.75m),
            },
            new OrderLineSnapshot
            {
                OneCId = null, SiteId = "site-product-15#combination-3", Name = "Кабель HDMI (2 м)", Sku = "HDMI-2",
                Unit = new UnitSnapshot("796", "шт", "Штука", "PCE"), Quantity = 2, UnitPrice = 150m, Sum = 270m,
                Discount = 30m, Vat = new VatSnapshot(20m, 45m),
            },
        ],
        Discounts = [new OrderDiscountSnapshot("Скидка на заказ", 30m, 10m)],
        ShippingCost = shippingCost,
        ShippingVat = new VatSnapshot(20m, 56.67m),
        Status = StoreOrderStatus.Pending,
        StatusName = "Pending",
        IsPaid = false,
        ShippingAllowed = false,
        PaymentMethodName = "Наличный расчет",
        PaymentMethodId = "Payments.CashOnDelivery",
        ShippingMethodName = "Курьер",
        ShippingMethodId = "Shipping.FixedByWeightByTotal",
        StatusChangedOn = new DateTime(2026, 11, 20, 15, 19, 27),
        ExtraRequisites = [new Requisite("Сайт", "shop.example.ru")],
    };

    public static OrderSnapshot Company(int id) => Person(id) with
    {
        Customer = new ContractorSnapshot
        {
            Id = "customer-company-77",
            Kind = ContractorKind.Company,
            Name = "ООО \"Ромашка\"",
            FullName = "Общество с ограниченной ответственностью \"Ромашка\"",
            LastName = "Петров",
            FirstName = "Пётр",
            Inn = "7701234567",
            Kpp = "770101001",
            Email = "buh@romashka.ru",
            RegistrationAddress = new PostalAddressSnapshot { PostalCode = "101000", City = "Москва", Street = "ул. Лесная, 5" },
        },
        IsPaid = true,
        PaidOn = new DateTime(2026, 11, 21, 10, 0, 0),
        ShippingAllowed = true,
        Status = StoreOrderStatus.Processing,
        StatusName = "Processing",
    };
}
