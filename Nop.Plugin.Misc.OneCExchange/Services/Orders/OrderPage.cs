using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// A page of orders with everything their snapshots read (items, products, 1C ids, addresses, customers), loaded by
/// <see cref="OrderPageLoader"/> with one query per table.
/// </summary>
public class OrderPage
{
    public Dictionary<int, Order> Orders { get; init; } = [];

    /// <summary>The items of each order whose product row exists (as nopCommerce's order service returns them), by id.</summary>
    public ILookup<int, OrderItem> ItemsByOrder { get; init; } = Array.Empty<OrderItem>().ToLookup(i => i.OrderId);

    /// <summary>The items' products, deleted ones included (they still have names and SKUs).</summary>
    public Dictionary<int, Product> Products { get; init; } = [];

    /// <summary>The attribute combination each item with attributes was ordered as, by item id.</summary>
    public Dictionary<int, ProductAttributeCombination> Combinations { get; init; } = [];

    /// <summary>1C ids of the page's products and combinations, from the plugin's mapping table.</summary>
    public Dictionary<(OneCEntityType, int), string> OneCIds { get; init; } = [];

    public Dictionary<int, OneCOrderChange> Changes { get; init; } = [];

    public Dictionary<int, Customer> Customers { get; init; } = [];

    /// <summary>Customers in the active Registered role.</summary>
    public HashSet<int> RegisteredCustomerIds { get; init; } = [];

    public Dictionary<int, Address> Addresses { get; init; } = [];

    public Dictionary<int, string> CountryNames { get; init; } = [];

    public Dictionary<int, string> StateProvinceNames { get; init; } = [];
}
