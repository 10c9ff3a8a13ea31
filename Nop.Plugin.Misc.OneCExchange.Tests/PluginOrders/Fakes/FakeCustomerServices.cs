using System.Globalization;
using System.Xml.Linq;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Services.Attributes;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Directory;

namespace OneCExchange.Tests.PluginOrders.Fakes;

/// <summary>Customers, addresses, countries, regions and customer attributes of the fake store.</summary>
public sealed class FakeCustomerServices(FakeNopStore store) :
    ICustomerService, IAddressService, ICountryService, IStateProvinceService,
    IAttributeService<CustomerAttribute, CustomerAttributeValue>, IAttributeParser<CustomerAttribute, CustomerAttributeValue>
{
    public Task<Customer> GetOrCreateBackgroundTaskUserAsync() =>
        throw new NotSupportedException("The order services never switch the current customer.");

    public Task<Customer> GetCustomerByIdAsync(int customerId) =>
        Task.FromResult(store.Customers.Rows.FirstOrDefault(c => c.Id == customerId)!);

    public Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true) =>
        Task.FromResult(store.IsRegistered(customer.Id));

    public Task<Address> GetAddressByIdAsync(int addressId) =>
        Task.FromResult(store.Addresses.Rows.FirstOrDefault(a => a.Id == addressId)!);

    public Task<Country> GetCountryByIdAsync(int countryId) =>
        Task.FromResult(store.Countries.Rows.FirstOrDefault(c => c.Id == countryId)!);

    public Task<StateProvince> GetStateProvinceByIdAsync(int stateProvinceId) =>
        Task.FromResult(store.StateProvinces.Rows.FirstOrDefault(s => s.Id == stateProvinceId)!);

    public Task<IList<CustomerAttribute>> GetAllAttributesAsync() =>
        Task.FromResult<IList<CustomerAttribute>>(store.CustomerAttributes.Rows.ToList());

    /// <summary>Reads nopCommerce's attribute XML: Attributes/CustomerAttribute[@ID]/CustomerAttributeValue/Value.</summary>
    public IList<string> ParseValues(string attributesXml, int attributeId) =>
        XDocument.Parse(attributesXml).Root!.Elements("CustomerAttribute")
            .Where(a => (string?)a.Attribute("ID") == attributeId.ToString(CultureInfo.InvariantCulture))
            .Elements("CustomerAttributeValue").Elements("Value")
            .Select(v => v.Value)
            .ToList();

    /// <summary>Attribute XML as nopCommerce writes it for text-box customer attributes.</summary>
    public static string AttributesXml(params (int AttributeId, string Value)[] values) =>
        new XElement("Attributes", values.Select(v =>
            new XElement("CustomerAttribute", new XAttribute("ID", v.AttributeId),
                new XElement("CustomerAttributeValue", new XElement("Value", v.Value))))).ToString();
}
