using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.PluginOrders.Fakes;

/// <summary>
/// An in-memory nopCommerce store: the tables the order exchange reads and writes, fakes of the nopCommerce services
/// over them, and the plugin's order services wired to those fakes (the event consumer subscribed to the events).
/// </summary>
public sealed class FakeNopStore : IOrderExchangeOptionsProvider
{
    public InMemoryRepository<Order> Orders { get; } = new();
    public InMemoryRepository<OrderItem> OrderItems { get; } = new();
    public InMemoryRepository<OrderNote> OrderNotes { get; } = new();
    public InMemoryRepository<Customer> Customers { get; } = new();
    public InMemoryRepository<CustomerRole> CustomerRoles { get; } = new();
    public InMemoryRepository<CustomerCustomerRoleMapping> CustomerRoleMappings { get; } = new();
    public InMemoryRepository<Address> Addresses { get; } = new();
    public InMemoryRepository<Country> Countries { get; } = new();
    public InMemoryRepository<StateProvince> StateProvinces { get; } = new();
    public InMemoryRepository<CustomerAttribute> CustomerAttributes { get; } = new();
    public InMemoryRepository<Product> Products { get; } = new();
    public InMemoryRepository<ProductAttributeCombination> Combinations { get; } = new();
    public InMemoryRepository<ProductWarehouseInventory> WarehouseInventory { get; } = new();
    public InMemoryRepository<Shipment> Shipments { get; } = new();
    public InMemoryRepository<ShipmentItem> ShipmentItems { get; } = new();
    public InMemoryRepository<OneCMapping> Mappings { get; } = new();
    public InMemoryRepository<OneCOrderChange> Changes { get; } = new() { Detached = true };
    public InMemoryRepository<OneCOrderExport> ExportStates { get; } = new() { Detached = true };
    public HashSet<int> DeletedProductIds { get; } = [];
    public List<FakePaymentMethod> PaymentMethods { get; } = [];
    public List<ShippingMethod> ShippingMethods { get; } = [];

    public OrderExchangeOptions Options { get; set; } = new();

    public FakeEventPublisher Events { get; } = new();

    /// <summary>What set-based statements ran (an "InMemory" store updates through its repositories instead).</summary>
    public FakeDataProvider DataProvider { get; }
    public FakeOrderService OrderService { get; }
    public FakeOrderProcessingService OrderProcessing { get; }
    public FakePlatformServices Platform { get; }
    public FakeLocalizationService Localization { get; } = new(plugin => ((FakePaymentMethod)plugin).FriendlyName);

    public OrderExportStateService StateService { get; }
    public OrderChangeEventConsumer Consumer { get; }
    public NopOrderSource Source { get; }
    public NopOrderChangeSink Sink { get; }

    /// <param name="databaseProvider">linq2db's provider name of the store's database: a PostgreSQL or MySQL name
    /// makes the list updates set-based SQL, recorded in <see cref="DataProvider"/>.</param>
    public FakeNopStore(string databaseProvider = "InMemory")
    {
        DataProvider = new FakeDataProvider(databaseProvider);
        OrderService = new FakeOrderService(this);
        OrderProcessing = new FakeOrderProcessingService(this, OrderService);
        Platform = new FakePlatformServices(this);
        var customers = new FakeCustomerServices(this);
        var catalog = new FakeCatalogServices(this);

        StateService = new OrderExportStateService(Changes, ExportStates, new ConventionNamedUpdater(DataProvider, Events));
        Consumer = new OrderChangeEventConsumer(StateService);
        Events.Subscribe(Consumer);

        RegisteredRole = CustomerRoles.Add(new CustomerRole { Name = "Registered", SystemName = NopCustomerDefaults.RegisteredRoleName, Active = true });
        var contractors = new ContractorSnapshotFactory(customers, customers);
        var snapshots = new OrderSnapshotFactory(contractors, Platform, Localization, Platform);
        var pages = new OrderPageLoader(Orders, OrderItems, Products, Mappings, Changes, Customers, CustomerRoleMappings, CustomerRoles,
            Addresses, Countries, StateProvinces, new FakeProductAttributeParser(Combinations));
        Source = new NopOrderSource(Orders, Changes, ExportStates, StateService, snapshots, pages, this, Localization, Platform,
            Platform);
        Sink = new NopOrderChangeSink(OrderService,
            new OrderStatusWriter(OrderService, OrderProcessing, Events, Platform, Localization),
            new OrderShipmentWriter(OrderService, OrderProcessing, new FakeShipmentService(this), catalog, Events),
            new OrderOneCStateWriter(StateService),
            new OrderChangeNoteWriter(OrderService, new ExchangeMessageLocalizer(Localization)));
    }

    public CustomerRole RegisteredRole { get; }

    /// <summary>Round trips to the tables the orders document reads (every repository call is one).</summary>
    public int OrderReadRoundTrips => new[] { Orders.RoundTrips, OrderItems.RoundTrips, Products.RoundTrips, Mappings.RoundTrips,
        Changes.RoundTrips, Customers.RoundTrips, CustomerRoles.RoundTrips, CustomerRoleMappings.RoundTrips, Addresses.RoundTrips,
        Countries.RoundTrips, StateProvinces.RoundTrips }.Sum();

    public bool IsRegistered(int customerId) =>
        CustomerRoleMappings.Rows.Any(m => m.CustomerId == customerId && m.CustomerRoleId == RegisteredRole.Id);

    public Task<OrderExchangeOptions> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Options);

    public Product AddProduct(string name, string? sku = null, string? oneCId = null, bool shipEnabled = true)
    {
        var product = Products.Add(new Product { Name = name, Sku = sku, IsShipEnabled = shipEnabled, WarehouseId = 1 });
        if (oneCId != null)
            Mappings.Add(new OneCMapping { EntityType = OneCEntityType.Product, EntityId = product.Id, OneCId = oneCId });
        return product;
    }

    public ProductAttributeCombination AddCombination(Product product, string attributesXml, string? sku = null, string? oneCId = null)
    {
        var combination = Combinations.Add(new ProductAttributeCombination { ProductId = product.Id, AttributesXml = attributesXml, Sku = sku });
        if (oneCId != null)
            Mappings.Add(new OneCMapping { EntityType = OneCEntityType.ProductAttributeCombination, EntityId = combination.Id, OneCId = oneCId });
        return combination;
    }

    public Customer AddCustomer(bool registered, string? email = null)
    {
        var customer = Customers.Add(new Customer { CustomerGuid = Guid.NewGuid(), Email = email });
        if (registered)
            CustomerRoleMappings.Add(new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = RegisteredRole.Id });
        return customer;
    }

    public Address AddAddress(string firstName = "Иван", string lastName = "Петров", string? email = "ivan@example.ru", string? company = null) =>
        Addresses.Add(new Address
        {
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            Company = company,
            City = "Москва",
            Address1 = "ул. Тверская",
            Address2 = "д. 1, кв. 5",
            ZipPostalCode = "125009",
            PhoneNumber = "+7 495 000-00-00",
        });

    /// <summary>A pending, unpaid, not yet shipped order of one item of a new product, placed as the store places it.</summary>
    public Order PlaceOrder(Customer? customer = null, Address? billing = null, DateTime? createdOnUtc = null, int id = 0,
        params (Product Product, int Quantity, decimal UnitPrice)[] items)
    {
        customer ??= AddCustomer(registered: false);
        billing ??= AddAddress();
        if (items.Length == 0)
            items = [(AddProduct("Товар"), 1, 100m)];
        var order = Orders.Add(new Order
        {
            Id = id,
            OrderGuid = Guid.NewGuid(),
            CustomerId = customer.Id,
            BillingAddressId = billing.Id,
            ShippingAddressId = billing.Id,
            OrderStatusId = (int)OrderStatus.Pending,
            PaymentStatusId = (int)PaymentStatus.Pending,
            ShippingStatusId = (int)ShippingStatus.NotYetShipped,
            CustomerCurrencyCode = "RUB",
            CurrencyRate = 1m,
            CreatedOnUtc = createdOnUtc ?? DateTime.UtcNow,
        });
        order.CustomOrderNumber = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (product, quantity, unitPrice) in items)
            OrderItems.Add(new OrderItem
            {
                OrderId = order.Id,
                ProductId = product.Id,
                Quantity = quantity,
                UnitPriceInclTax = unitPrice,
                PriceInclTax = unitPrice * quantity,
                PriceExclTax = unitPrice * quantity,
            });
        order.OrderTotal = OrderItems.Rows.Where(i => i.OrderId == order.Id).Sum(i => i.PriceInclTax);
        Events.PublishAsync(new OrderPlacedEvent(order)).GetAwaiter().GetResult();
        return order;
    }
}
