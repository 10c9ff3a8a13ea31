using System.Globalization;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Services.Catalog;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Payments;
using OneCExchange.Core.Orders;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// Builds the host-neutral snapshot of a nopCommerce order. Amounts are converted to the customer's currency (the
/// currency the customer paid in); dates are in the store's time zone. Products imported from 1C are sent with
/// their 1C Ид ("product#variant" for a combination), others with a stable site id.
/// </summary>
public class OrderSnapshotFactory
{
    /// <summary>The Ид of the service line carrying the payment method's fee (the delivery line is ORDER_DELIVERY).</summary>
    public const string PaymentFeeLineId = "ORDER_PAYMENT_FEE";

    private readonly IOrderExchangeOptionsProvider _optionsProvider;
    private readonly ContractorSnapshotFactory _contractorFactory;
    private readonly OrderExportStateService _stateService;
    private readonly IOrderService _orderService;
    private readonly IProductService _productService;
    private readonly IProductAttributeParser _productAttributeParser;
    private readonly IRepository<OneCMapping> _mappingRepository;
    private readonly IPaymentPluginManager _paymentPluginManager;
    private readonly ILocalizationService _localizationService;
    private readonly IDateTimeHelper _dateTimeHelper;

    public OrderSnapshotFactory(IOrderExchangeOptionsProvider optionsProvider,
        ContractorSnapshotFactory contractorFactory,
        OrderExportStateService stateService,
        IOrderService orderService,
        IProductService productService,
        IProductAttributeParser productAttributeParser,
        IRepository<OneCMapping> mappingRepository,
        IPaymentPluginManager paymentPluginManager,
        ILocalizationService localizationService,
        IDateTimeHelper dateTimeHelper)
    {
        _optionsProvider = optionsProvider;
        _contractorFactory = contractorFactory;
        _stateService = stateService;
        _orderService = orderService;
        _productService = productService;
        _productAttributeParser = productAttributeParser;
        _mappingRepository = mappingRepository;
        _paymentPluginManager = paymentPluginManager;
        _localizationService = localizationService;
        _dateTimeHelper = dateTimeHelper;
    }

    public virtual async Task<OrderSnapshot> CreateAsync(Order order, CancellationToken cancellationToken)
    {
        var options = await _optionsProvider.GetAsync(cancellationToken);
        var money = new CustomerMoney(order.CurrencyRate);
        var status = (OrderStatus)order.OrderStatusId;
        var paymentStatus = (PaymentStatus)order.PaymentStatusId;
        var isPaid = paymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded;
        var isCancelled = status == OrderStatus.Cancelled;
        var change = await _stateService.FindChangeAsync(order.Id);

        var lines = await CreateLinesAsync(order, money);
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
            Customer = await _contractorFactory.CreateAsync(order, options),
            Lines = lines,
            Discounts = CreateDiscounts(order, money),
            ShippingCost = money.Convert(order.OrderShippingInclTax),
            ShippingVat = Vat(money.Convert(order.OrderShippingInclTax), money.Convert(order.OrderShippingExclTax)),
            Status = (StoreOrderStatus)order.OrderStatusId,
            StatusName = await _localizationService.GetLocalizedEnumAsync(status),
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

    protected virtual async Task<List<OrderLineSnapshot>> CreateLinesAsync(Order order, CustomerMoney money)
    {
        var items = await _orderService.GetOrderItemsAsync(order.Id);
        var productIds = items.Select(i => i.ProductId).Distinct().ToArray();
        var products = (await _productService.GetProductsByIdsAsync(productIds)).ToDictionary(p => p.Id);
        // Products deleted since the order was placed are left out of the batch lookup but still have names and SKUs.
        foreach (var productId in productIds.Where(id => !products.ContainsKey(id)))
            if (await _productService.GetProductByIdAsync(productId) is { } deleted)
                products.Add(productId, deleted);

        var combinations = new Dictionary<int, ProductAttributeCombination>();
        foreach (var item in items)
            if (!string.IsNullOrEmpty(item.AttributesXml) && products.TryGetValue(item.ProductId, out var product)
                && await _productAttributeParser.FindProductAttributeCombinationAsync(product, item.AttributesXml) is { } combination)
                combinations[item.Id] = combination;

        var oneCIds = await GetOneCIdsAsync(products.Keys, combinations.Values.Select(c => c.Id));

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

    /// <summary>The 1C ids of the given products and combinations, from the plugin's mapping table.</summary>
    protected virtual async Task<Dictionary<(OneCEntityType, int), string>> GetOneCIdsAsync(IEnumerable<int> productIds,
        IEnumerable<int> combinationIds)
    {
        var products = productIds.ToArray();
        var combinations = combinationIds.ToArray();
        var productType = (int)OneCEntityType.Product;
        var combinationType = (int)OneCEntityType.ProductAttributeCombination;
        var mappings = await _mappingRepository.GetAllAsync(query => query.Where(m =>
            (m.EntityTypeId == productType && products.Contains(m.EntityId))
            || (m.EntityTypeId == combinationType && combinations.Contains(m.EntityId))));

        var result = new Dictionary<(OneCEntityType, int), string>();
        foreach (var mapping in mappings)
            result.TryAdd(((OneCEntityType)mapping.EntityTypeId, mapping.EntityId), mapping.OneCId);
        return result;
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

    protected virtual async Task<string?> GetPaymentMethodNameAsync(string? systemName)
    {
        if (string.IsNullOrWhiteSpace(systemName))
            return null;
        var method = await _paymentPluginManager.LoadPluginBySystemNameAsync(systemName);
        var name = method == null ? null : await _localizationService.GetLocalizedFriendlyNameAsync(method, 0);
        return NonEmpty(name) ?? systemName;
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
