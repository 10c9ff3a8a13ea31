using System.Security.Cryptography;
using System.Text;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Services.Attributes;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Orders;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// The buyer of an order as a 1C contractor. The contractor Ид is stable: the customer GUID for registered customers,
/// "guest-" + a hash of the order e-mail for guests (one contractor per e-mail, however many guest orders it places).
/// </summary>
public class ContractorSnapshotFactory
{
    #region Fields

    protected readonly IAttributeService<CustomerAttribute, CustomerAttributeValue> _customerAttributeService;
    protected readonly IAttributeParser<CustomerAttribute, CustomerAttributeValue> _customerAttributeParser;
    private IList<CustomerAttribute>? _customerAttributes;

    #endregion

    #region Ctor

    public ContractorSnapshotFactory(IAttributeService<CustomerAttribute, CustomerAttributeValue> customerAttributeService,
        IAttributeParser<CustomerAttribute, CustomerAttributeValue> customerAttributeParser)
    {
        _customerAttributeService = customerAttributeService;
        _customerAttributeParser = customerAttributeParser;
    }

    #endregion

    /// <summary>The buyer of an order of <paramref name="page"/>, read from the page (no query of its own).</summary>
    public virtual async Task<ContractorSnapshot> CreateAsync(Order order, OrderPage page, OrderExchangeOptions options)
    {
        var customer = page.Customers.GetValueOrDefault(order.CustomerId);
        var registered = customer != null && page.RegisteredCustomerIds.Contains(customer.Id);
        var billing = page.Addresses.GetValueOrDefault(order.BillingAddressId);
        var deliveryAddressId = order.PickupInStore ? order.PickupAddressId : order.ShippingAddressId;
        var delivery = deliveryAddressId is int id ? page.Addresses.GetValueOrDefault(id) : null;

        var email = FirstNonEmpty(billing?.Email, customer?.Email);
        var firstName = FirstNonEmpty(billing?.FirstName, customer?.FirstName);
        var lastName = FirstNonEmpty(billing?.LastName, customer?.LastName);
        var company = FirstNonEmpty(billing?.Company, customer?.Company);
        var inn = registered ? await GetCustomerAttributeAsync(customer!, options.InnCustomerAttributeName) : null;
        var kpp = registered ? await GetCustomerAttributeAsync(customer!, options.KppCustomerAttributeName) : null;
        var personName = string.Join(' ', new[] { lastName, firstName }.Where(n => n != null));
        var isCompany = company != null || inn != null;

        return new ContractorSnapshot
        {
            Id = registered ? customer!.CustomerGuid.ToString() : GuestId(email, order),
            Kind = isCompany ? ContractorKind.Company : ContractorKind.Person,
            Name = (isCompany ? company : null) ?? NonEmpty(personName) ?? email ?? $"Order {order.CustomOrderNumber}",
            FullName = isCompany ? company : NonEmpty(personName),
            LastName = lastName,
            FirstName = firstName,
            Inn = inn,
            Kpp = kpp,
            Email = email,
            Phone = FirstNonEmpty(billing?.PhoneNumber, customer?.Phone),
            RegistrationAddress = billing == null ? null : CreateAddress(billing, page),
            DeliveryAddress = delivery == null ? null : CreateAddress(delivery, page),
        };
    }

    /// <summary>One contractor per guest e-mail (case and spaces ignored); an order without any e-mail is its own contractor.</summary>
    public static string GuestId(string? email, Order order)
    {
        if (email == null)
            return "guest-order-" + order.OrderGuid.ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return "guest-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    protected virtual PostalAddressSnapshot CreateAddress(Address address, OrderPage page)
    {
        var country = address.CountryId is int countryId ? page.CountryNames.GetValueOrDefault(countryId) : null;
        var region = address.StateProvinceId is int regionId ? page.StateProvinceNames.GetValueOrDefault(regionId) : null;
        return new PostalAddressSnapshot
        {
            PostalCode = NonEmpty(address.ZipPostalCode),
            Country = NonEmpty(country),
            Region = NonEmpty(region),
            District = NonEmpty(address.County),
            City = NonEmpty(address.City),
            Street = NonEmpty(address.Address1),
            House = NonEmpty(address.Address2),
        };
    }

    /// <summary>The value of the customer attribute with this name (e.g. the one holding the ИНН), or null.</summary>
    protected virtual async Task<string?> GetCustomerAttributeAsync(Customer customer, string? attributeName)
    {
        if (string.IsNullOrWhiteSpace(attributeName) || string.IsNullOrEmpty(customer.CustomCustomerAttributesXML))
            return null;
        _customerAttributes ??= await _customerAttributeService.GetAllAttributesAsync();
        var attribute = _customerAttributes.FirstOrDefault(a =>
            string.Equals(a.Name?.Trim(), attributeName.Trim(), StringComparison.OrdinalIgnoreCase));
        if (attribute == null)
            return null;
        return _customerAttributeParser.ParseValues(customer.CustomCustomerAttributesXML, attribute.Id)
            .Select(NonEmpty).FirstOrDefault(v => v != null);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? FirstNonEmpty(string? first, string? second) => NonEmpty(first) ?? NonEmpty(second);
}
