using System.Globalization;
using System.Runtime.CompilerServices;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Services.Localization;
using Nop.Services.Payments;
using Nop.Services.Shipping;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// The store's orders for 1C: the due orders (<see cref="DueOrders"/>) handed out to a session, their snapshots, and
/// their confirmation.
/// </summary>
public class NopOrderSource : IOrderSource
{
    #region Fields

    /// <summary>Orders read per page: one query per table for each page.</summary>
    public const int PageSize = 500;

    protected readonly IRepository<Order> _orderRepository;
    protected readonly IRepository<OneCOrderChange> _changeRepository;
    protected readonly IRepository<OneCOrderExport> _exportRepository;
    protected readonly OrderExportStateService _stateService;
    protected readonly OrderSnapshotFactory _snapshotFactory;
    protected readonly OrderPageLoader _pageLoader;
    protected readonly IOrderExchangeOptionsProvider _optionsProvider;
    protected readonly ILocalizationService _localizationService;
    protected readonly IPaymentPluginManager _paymentPluginManager;
    protected readonly IShippingMethodsService _shippingMethodsService;

    #endregion

    #region Ctor

    public NopOrderSource(IRepository<Order> orderRepository,
        IRepository<OneCOrderChange> changeRepository,
        IRepository<OneCOrderExport> exportRepository,
        OrderExportStateService stateService,
        OrderSnapshotFactory snapshotFactory,
        OrderPageLoader pageLoader,
        IOrderExchangeOptionsProvider optionsProvider,
        ILocalizationService localizationService,
        IPaymentPluginManager paymentPluginManager,
        IShippingMethodsService shippingMethodsService)
    {
        _orderRepository = orderRepository;
        _changeRepository = changeRepository;
        _exportRepository = exportRepository;
        _stateService = stateService;
        _snapshotFactory = snapshotFactory;
        _pageLoader = pageLoader;
        _optionsProvider = optionsProvider;
        _localizationService = localizationService;
        _paymentPluginManager = paymentPluginManager;
        _shippingMethodsService = shippingMethodsService;
    }

    #endregion

    public virtual async Task<IReadOnlyList<OrderHandOut>> HandOutAsync(string sessionId, OrderExportFilter filter,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var orders = await GetDueOrdersAsync(filter);
        var orderIds = orders.Select(o => o.Id).ToList();

        // A repeated query of the same session replaces its earlier hand-out.
        var released = (await _stateService.GetHandedOutAsync(sessionId)).Where(s => !orderIds.Contains(s.OrderId)).ToList();
        foreach (var export in released)
            export.HandedOutSessionId = null;

        var versions = await _stateService.GetVersionsAsync(orderIds);
        var exports = (await _stateService.GetExportsAsync(orderIds)).ToDictionary(s => s.OrderId);
        var created = new List<OneCOrderExport>();
        foreach (var orderId in orderIds)
        {
            if (!exports.TryGetValue(orderId, out var export))
            {
                export = new OneCOrderExport { OrderId = orderId };
                exports.Add(orderId, export);
                created.Add(export);
            }
            export.HandedOutSessionId = sessionId;
            export.HandedOutVersion = versions[orderId];
        }
        await _stateService.InsertAsync(created);
        await _stateService.UpdateHandOutsAsync(released.Concat(exports.Values.Except(created)).ToList());

        return orderIds.Select(id => new OrderHandOut(id, versions[id])).ToList();
    }

    public virtual async IAsyncEnumerable<OrderSnapshot> GetSnapshotsAsync(IReadOnlyList<int> orderIds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = await _optionsProvider.GetAsync(cancellationToken);
        foreach (var pageIds in orderIds.Chunk(PageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _pageLoader.LoadAsync(pageIds);
            foreach (var orderId in pageIds)
                if (page.Orders.TryGetValue(orderId, out var order))
                    yield return await _snapshotFactory.CreateAsync(order, page, options);
        }
    }

    public virtual async Task<int> ConfirmAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var exports = await _stateService.GetHandedOutAsync(sessionId);
        var now = DateTime.UtcNow;
        foreach (var export in exports)
        {
            export.ExportedVersion = Math.Max(export.ExportedVersion, export.HandedOutVersion);
            export.ExportedOnUtc = now;
            export.HandedOutSessionId = null;
        }
        await _stateService.UpdateHandOutsAsync(exports);
        return exports.Count;
    }

    public virtual async Task<OrderReferenceData> GetReferenceDataAsync(CancellationToken cancellationToken)
    {
        // The Ид is the status id, as the orders document writes it in "Статус заказа" ("[20] Processing").
        var statuses = new List<ReferenceItem>();
        foreach (var status in Enum.GetValues<OrderStatus>())
            statuses.Add(new ReferenceItem(((int)status).ToString(CultureInfo.InvariantCulture),
                await _localizationService.GetLocalizedEnumAsync(status)));

        var paymentSystems = new List<ReferenceItem>();
        foreach (var method in await _paymentPluginManager.LoadActivePluginsAsync())
            paymentSystems.Add(new ReferenceItem(method.PluginDescriptor.SystemName,
                await _localizationService.GetLocalizedFriendlyNameAsync(method, 0)));

        // Orders keep only the shipping option's name, so the name is the delivery service's Ид as well.
        var deliveryServices = (await _shippingMethodsService.GetAllShippingMethodsAsync())
            .Select(m => new ReferenceItem(m.Name, m.Name))
            .ToList();

        return new OrderReferenceData(statuses, paymentSystems, deliveryServices);
    }

    /// <summary>Due orders passing the filter, lowest id first, at most <see cref="OrderExportFilter.MaxOrders"/>.</summary>
    protected virtual async Task<IList<Order>> GetDueOrdersAsync(OrderExportFilter filter)
    {
        return await _orderRepository.GetAllAsync(query =>
            DueOrders.Query(query, _changeRepository.Table, _exportRepository.Table, filter).Take(Math.Max(filter.MaxOrders, 1)));
    }
}
