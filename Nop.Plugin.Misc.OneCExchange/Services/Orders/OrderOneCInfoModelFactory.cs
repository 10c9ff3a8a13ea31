using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Services.Helpers;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>Prepares the admin's view of an order's exchange with 1C from its export state.</summary>
public class OrderOneCInfoModelFactory
{
    #region Fields

    protected readonly OrderExportStateService _stateService;
    protected readonly IDateTimeHelper _dateTimeHelper;
    protected readonly IRepository<Order> _orderRepository;
    protected readonly IRepository<OneCOrderChange> _changeRepository;
    protected readonly IRepository<OneCOrderExport> _exportRepository;

    #endregion

    #region Ctor

    public OrderOneCInfoModelFactory(OrderExportStateService stateService,
        IDateTimeHelper dateTimeHelper,
        IRepository<Order> orderRepository,
        IRepository<OneCOrderChange> changeRepository,
        IRepository<OneCOrderExport> exportRepository)
    {
        _stateService = stateService;
        _dateTimeHelper = dateTimeHelper;
        _orderRepository = orderRepository;
        _changeRepository = changeRepository;
        _exportRepository = exportRepository;
    }

    #endregion

    /// <summary>The model, or null when the exchange has not seen the order yet (e.g. placed before the plugin).</summary>
    public virtual async Task<OrderOneCInfoModel?> PrepareAsync(int orderId)
    {
        var export = await _stateService.FindExportAsync(orderId);
        var change = await _stateService.FindChangeAsync(orderId);
        if (export == null && change == null)
            return null;
        return new OrderOneCInfoModel
        {
            Number1C = export?.Number1C,
            Date1C = export?.Date1C,
            PaymentNumber1C = export?.PaymentNumber1C,
            PaymentDate1C = export?.PaymentDate1C,
            ShipmentNumber1C = export?.ShipmentNumber1C,
            ShipmentDate1C = export?.ShipmentDate1C,
            Status1C = export?.Status1C,
            ExportedOn = await ToAdminTimeAsync(export?.ExportedOnUtc),
            UpdatedFrom1COn = await ToAdminTimeAsync(export?.UpdatedFrom1COnUtc),
            PendingExport = await IsDueAsync(orderId),
        };
    }

    /// <summary>Whether mode=query would hand the order out by <see cref="DueOrders"/>' rule (whatever the export filter).</summary>
    protected virtual async Task<bool> IsDueAsync(int orderId) =>
        (await _orderRepository.GetAllAsync(query =>
            DueOrders.Query(query.Where(o => o.Id == orderId), _changeRepository.Table, _exportRepository.Table).Take(1))).Count > 0;

    protected virtual async Task<DateTime?> ToAdminTimeAsync(DateTime? utc) =>
        utc is DateTime value ? await _dateTimeHelper.ConvertToUserTimeAsync(value, DateTimeKind.Utc) : null;
}
