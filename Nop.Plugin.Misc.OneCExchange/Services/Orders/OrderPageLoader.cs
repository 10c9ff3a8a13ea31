using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// Reads a page of orders for the orders document set-based: one query per table for the whole page (the ids as a
/// Contains list), never one order after another.
/// </summary>
public class OrderPageLoader
{
    #region Fields

    protected readonly IRepository<Order> _orderRepository;
    protected readonly IRepository<OrderItem> _orderItemRepository;
    protected readonly IRepository<Product> _productRepository;
    protected readonly IRepository<OneCMapping> _mappingRepository;
    protected readonly IRepository<OneCOrderChange> _changeRepository;
    protected readonly IRepository<Customer> _customerRepository;
    protected readonly IRepository<CustomerCustomerRoleMapping> _customerRoleMappingRepository;
    protected readonly IRepository<CustomerRole> _customerRoleRepository;
    protected readonly IRepository<Address> _addressRepository;
    protected readonly IRepository<Country> _countryRepository;
    protected readonly IRepository<StateProvince> _stateProvinceRepository;
    protected readonly IProductAttributeParser _productAttributeParser;

    #endregion

    #region Ctor

    public OrderPageLoader(IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<Product> productRepository,
        IRepository<OneCMapping> mappingRepository,
        IRepository<OneCOrderChange> changeRepository,
        IRepository<Customer> customerRepository,
        IRepository<CustomerCustomerRoleMapping> customerRoleMappingRepository,
        IRepository<CustomerRole> customerRoleRepository,
        IRepository<Address> addressRepository,
        IRepository<Country> countryRepository,
        IRepository<StateProvince> stateProvinceRepository,
        IProductAttributeParser productAttributeParser)
    {
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _productRepository = productRepository;
        _mappingRepository = mappingRepository;
        _changeRepository = changeRepository;
        _customerRepository = customerRepository;
        _customerRoleMappingRepository = customerRoleMappingRepository;
        _customerRoleRepository = customerRoleRepository;
        _addressRepository = addressRepository;
        _countryRepository = countryRepository;
        _stateProvinceRepository = stateProvinceRepository;
        _productAttributeParser = productAttributeParser;
    }

    #endregion

    /// <summary>The orders of <paramref name="orderIds"/> that are not deleted, with what their snapshots read.</summary>
    public virtual async Task<OrderPage> LoadAsync(IReadOnlyCollection<int> orderIds)
    {
        var ids = orderIds.Distinct().ToArray();
        var orders = (await _orderRepository.GetAllAsync(query => query.Where(o => ids.Contains(o.Id) && !o.Deleted)))
            .ToDictionary(o => o.Id);
        var pageIds = orders.Keys.ToArray();

        var items = await _orderItemRepository.GetAllAsync(query => query.Where(i => pageIds.Contains(i.OrderId)).OrderBy(i => i.Id));
        var productIds = items.Select(i => i.ProductId).Distinct().ToArray();
        var products = (await _productRepository.GetAllAsync(query => query.Where(p => productIds.Contains(p.Id))))
            .ToDictionary(p => p.Id);
        items = items.Where(i => products.ContainsKey(i.ProductId)).ToList();
        var combinations = await FindCombinationsAsync(items, products);

        var customerIds = orders.Values.Select(o => o.CustomerId).Distinct().ToArray();
        var addressIds = orders.Values
            .SelectMany(o => new[] { (int?)o.BillingAddressId, o.PickupInStore ? o.PickupAddressId : o.ShippingAddressId })
            .OfType<int>().Distinct().ToArray();
        var addresses = (await _addressRepository.GetAllAsync(query => query.Where(a => addressIds.Contains(a.Id))))
            .ToDictionary(a => a.Id);
        var countryIds = addresses.Values.Select(a => a.CountryId).OfType<int>().Where(id => id > 0).Distinct().ToArray();
        var stateProvinceIds = addresses.Values.Select(a => a.StateProvinceId).OfType<int>().Where(id => id > 0).Distinct().ToArray();

        return new OrderPage
        {
            Orders = orders,
            ItemsByOrder = items.ToLookup(i => i.OrderId),
            Products = products,
            Combinations = combinations,
            OneCIds = await GetOneCIdsAsync(productIds, combinations.Values.Select(c => c.Id).Distinct().ToArray()),
            Changes = (await _changeRepository.GetAllAsync(query => query.Where(c => pageIds.Contains(c.OrderId))))
                .GroupBy(c => c.OrderId).ToDictionary(g => g.Key, g => g.First()),
            Customers = (await _customerRepository.GetAllAsync(query => query.Where(c => customerIds.Contains(c.Id))))
                .ToDictionary(c => c.Id),
            RegisteredCustomerIds = await GetRegisteredCustomerIdsAsync(customerIds),
            Addresses = addresses,
            CountryNames = (await _countryRepository.GetAllAsync(query => query.Where(c => countryIds.Contains(c.Id))))
                .ToDictionary(c => c.Id, c => c.Name),
            StateProvinceNames = (await _stateProvinceRepository.GetAllAsync(query => query.Where(s => stateProvinceIds.Contains(s.Id))))
                .ToDictionary(s => s.Id, s => s.Name),
        };
    }

    /// <summary>
    /// The combination each item with attributes was ordered as, matched by nopCommerce's attribute parser (its
    /// combinations and attribute mappings are cached per product).
    /// </summary>
    protected virtual async Task<Dictionary<int, ProductAttributeCombination>> FindCombinationsAsync(IList<OrderItem> items,
        Dictionary<int, Product> products)
    {
        var combinations = new Dictionary<int, ProductAttributeCombination>();
        foreach (var item in items.Where(i => !string.IsNullOrEmpty(i.AttributesXml)))
            if (await _productAttributeParser.FindProductAttributeCombinationAsync(products[item.ProductId], item.AttributesXml) is { } combination)
                combinations[item.Id] = combination;
        return combinations;
    }

    protected virtual async Task<Dictionary<(OneCEntityType, int), string>> GetOneCIdsAsync(int[] productIds, int[] combinationIds)
    {
        var productType = (int)OneCEntityType.Product;
        var combinationType = (int)OneCEntityType.ProductAttributeCombination;
        var mappings = await _mappingRepository.GetAllAsync(query => query.Where(m =>
            (m.EntityTypeId == productType && productIds.Contains(m.EntityId))
            || (m.EntityTypeId == combinationType && combinationIds.Contains(m.EntityId))));

        var result = new Dictionary<(OneCEntityType, int), string>();
        foreach (var mapping in mappings)
            result.TryAdd(((OneCEntityType)mapping.EntityTypeId, mapping.EntityId), mapping.OneCId);
        return result;
    }

    /// <summary>The customers in the active Registered role (what nopCommerce's IsRegisteredAsync checks), in one query.</summary>
    protected virtual async Task<HashSet<int>> GetRegisteredCustomerIdsAsync(int[] customerIds)
    {
        var roles = _customerRoleRepository.Table;
        var registeredRoleName = NopCustomerDefaults.RegisteredRoleName;
        var registered = await _customerRoleMappingRepository.GetAllAsync(query =>
            from mapping in query
            join role in roles on mapping.CustomerRoleId equals role.Id
            where customerIds.Contains(mapping.CustomerId) && role.Active && role.SystemName == registeredRoleName
            select mapping);
        return registered.Select(m => m.CustomerId).ToHashSet();
    }
}
