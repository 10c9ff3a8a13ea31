using System.Globalization;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Payments;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Orders;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// Builds the host-neutral snapshot of a nopCommerce order. Amounts are converted to the customer's currency (the
/// currency the customer paid in); dates are in the store's time zone. Products imported from 1C are sent with
/// their 1C Ид ("product#variant" for a combination), others with a stable site id.
/// </summary>
public class OrderSnapshotFactory
{
    #region Fields

    /// <summary>The Ид of the service line carrying the payment method's fee (the delivery line is ORDER_DELIVERY).</summary>
    public const string PaymentFeeLineId = "ORDER_PAYMENT_FEE";

    protected readonly ContractorSnapshotFactory _contractorFactory;
    protected readonly IPaymentPluginManager _paymentPluginManager;
    protected readonly ILocalizationService _localizationService;
    protected readonly IDateTimeHelper _dateTimeHelper;
    private readonly Dictionary<string, string> _paymentMethodNames = [];
    private readonly Dictionary<OrderStatus, string> _statusNames = [];

    #endregion

    #region Ctor

    public OrderSnapshotFactory(ContractorSnapshotFactory contractorFactory,
        IPaymentPluginManager paymentPluginManager,
        ILocalizationService localizationService,
        IDateTimeHelper dateTimeHelper)
    {
        _contractorFactory = contractorFactory;
        _paymentPluginManager = paymentPluginManager;
        _localizationService = localizationService;
        _dateTimeHelper = dateTimeHelper;
    }

    #endregion

    /// <summary>The snapshot of an order of <paramref name="page"/>, read from the page (no query of its own).</summary>
    public virtual async Task<OrderSnapshot> CreateAsync(Order order, OrderPage page, OrderExchangeOptions options)
    {
        var money = new CustomerMoney(order.CurrencyRate);
        var status = (OrderStatus)order.OrderStatusId;
        var paymentStatus = (PaymentStatus)order.PaymentStatusId;
        var isPaid = paymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded;
        var isCancelled = status == OrderStatus.Cancelled;
        var change = page.Changes.GetValueOrDefault(order.Id);

        var lines = CreateLines(order, page, money);
        var fee = money.Convert(order.PaymentMethodAdditionalFeeInclTax);
        if (fee > 0)
            lines.Add(new OrderLineSnapshot
            {
                SiteId = PaymentFeeLineId,
                Name = "Комиссия способа оплаты",
                Quantity = 1,
                UnitPrice = fee,
                Sum = fee,
                IsService = true,
            });

        return new OrderSnapshot
        {
            OrderId = order.Id,
            DocumentId = order.Id.ToString(CultureInfo.InvariantCulture),
            Number = string.IsNullOrWhiteSpace(order.CustomOrderNumber)
                ? order.Id.ToString(CultureInfo.InvariantCulture)
                : order.CustomOrderNumber,
            CreatedOn = ToStoreTime(order.CreatedOnUtc),
            CurrencyCode = string.IsNullOrWhiteSpace(order.CustomerCurrencyCode) ? "RUB" : order.CustomerCurrencyCode,
            CurrencyRate = money.OneCRate,
            Total = money.Convert(order.OrderTotal),
            Comment = PlainText.FromHtml(order.CheckoutAttributeDescription),
            Customer = await _contractorFactory.CreateAsync(order, page, options),
            Lines = lines,
            Discounts = CreateDiscounts(order, money),
            ShippingCost = money.Convert(order.OrderShippingInclTax),
            ShippingVat = Vat(money.Convert(order.OrderShippingInclTax), money.Convert(order.OrderShippingExclTax)),
            Status = (StoreOrderStatus)order.OrderStatusId,
            StatusName = await GetStatusNameAsync(status),
            IsPaid = isPaid,
            PaidOn = isPaid && order.PaidDateUtc is DateTime paidOn ? ToStoreTime(paidOn) : null,
            ShippingAllowed = !isCancelled
                && (isPaid || paymentStatus == PaymentStatus.Authorized)
                && order.ShippingStatusId != (int)ShippingStatus.ShippingNotRequired,
            IsCancelled = isCancelled,
            StatusChangedOn = change?.StatusChangedOnUtc is DateTime changedOn ? ToStoreTime(changedOn) : null,
            PaymentMethodName = await GetPaymentMethodNameAsync(order.PaymentMethodSystemName),
            PaymentMethodId = NonEmpty(order.PaymentMethodSystemName),
            ShippingMethodName = NonEmpty(order.ShippingMethod),
            ShippingMethodId = NonEmpty(order.ShippingMethod),
        };
    }

    protected virtual List<OrderLineSnapshot> CreateLines(Order order, OrderPage page, CustomerMoney money)
    {
        var items = page.ItemsByOrder[order.Id].ToList();
        var products = page.Products;
        var combinations = page.Combinations;
        var oneCIds = page.OneCIds;

        var lines = new List<OrderLineSnapshot>(items.Count);
        foreach (var item in items)
        {
            products.TryGetValue(item.ProductId, out var product);
            combinations.TryGetValue(item.Id, out var combination);
            var oneCId = combination != null && oneCIds.TryGetValue((OneCEntityType.ProductAttributeCombination, combination.Id), out var variantId)
                ? variantId
                : oneCIds.GetValueOrDefault((OneCEntityType.Product, item.ProductId));
            var siteId = $"site-product-{item.ProductId}" + (combination != null ? $"#combination-{combination.Id}" : string.Empty);
            var attributes = PlainText.FromHtml(item.AttributeDescription);
            var name = product?.Name ?? $"Product {item.ProductId}";

            var sum = money.Convert(item.PriceInclTax);
            var discount = money.Convert(item.DiscountAmountInclTax);
            lines.Add(new OrderLineSnapshot
            {
                OneCId = oneCId,
                SiteId = siteId,
                Name = attributes == null ? name : $"{name} ({attributes})",
                Sku = NonEmpty(combination?.Sku) ?? NonEmpty(product?.Sku),
                Quantity = item.Quantity,
                UnitPrice = item.Quantity > 0 ? Math.Round((sum + discount) / item.Quantity, 2) : money.Convert(item.UnitPriceInclTax),
                Sum = sum,
                Discount = discount,
                Vat = Vat(sum, money.Convert(item.PriceExclTax)),
            });
        }
        return lines;
    }

    protected virtual IReadOnlyList<OrderDiscountSnapshot> CreateDiscounts(Order order, CustomerMoney money)
    {
        var discounts = new List<OrderDiscountSnapshot>();
        var subtotalDiscount = money.Convert(order.OrderSubTotalDiscountInclTax);
        if (subtotalDiscount > 0)
            discounts.Add(new OrderDiscountSnapshot("Скидка на сумму товаров", subtotalDiscount));
        var orderDiscount = money.Convert(order.OrderDiscount);
        if (orderDiscount > 0)
            discounts.Add(new OrderDiscountSnapshot("Скидка на заказ", orderDiscount));
        return discounts;
    }

    /// <summary>The payment method's friendly name, looked up once per method in a request.</summary>
    protected virtual async Task<string?> GetPaymentMethodNameAsync(string? systemName)
    {
        if (string.IsNullOrWhiteSpace(systemName))
            return null;
        if (_paymentMethodNames.TryGetValue(systemName, out var known))
            return known;
        var method = await _paymentPluginManager.LoadPluginBySystemNameAsync(systemName);
        var name = method == null ? null : await _localizationService.GetLocalizedFriendlyNameAsync(method, 0);
        return _paymentMethodNames[systemName] = NonEmpty(name) ?? systemName;
    }

    /// <summary>The status's localized name, looked up once per status in a request.</summary>
    protected virtual async Task<string> GetStatusNameAsync(OrderStatus status)
    {
        if (!_statusNames.TryGetValue(status, out var name))
            _statusNames[status] = name = await _localizationService.GetLocalizedEnumAsync(status);
        return name;
    }

    protected virtual DateTime ToStoreTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _dateTimeHelper.DefaultStoreTimeZone);

    /// <summary>The VAT contained in a price, with its rate in percent; null when the price carries no tax.</summary>
    protected static VatSnapshot? Vat(decimal inclTax, decimal exclTax)
    {
        var tax = inclTax - exclTax;
        if (tax <= 0 || exclTax <= 0)
            return null;
        return new VatSnapshot(Math.Round(tax / exclTax * 100m, 0), tax);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Converts amounts stored in the primary store currency into the order's customer currency.</summary>
    protected readonly record struct CustomerMoney(decimal Rate)
    {
        public decimal Convert(decimal amount) => Math.Round(amount * (Rate > 0 ? Rate : 1m), 2);

        /// <summary>Курс as 1C reads it: primary currency units per unit of the order's currency.</summary>
        public decimal OneCRate => Rate is > 0 and not 1m ? Math.Round(1m / Rate, 4) : 1m;
    }
}
