using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Services.Helpers;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>Prepares the admin's view of an order's exchange with 1C from its export state.</summary>
public class OrderOneCInfoModelFactory
{
    private readonly OrderExportStateService _stateService;
    private readonly IDateTimeHelper _dateTimeHelper;

    public OrderOneCInfoModelFactory(OrderExportStateService stateService, IDateTimeHelper dateTimeHelper)
    {
        _stateService = stateService;
        _dateTimeHelper = dateTimeHelper;
    }

    /// <summary>The model, or null when the exchange has not seen the order yet (e.g. placed before the plugin).</summary>
    public virtual async Task<OrderOneCInfoModel?> PrepareAsync(int orderId)
    {
        var state = await _stateService.FindAsync(orderId);
        if (state == null)
            return null;
        return new OrderOneCInfoModel
        {
            Number1C = state.Number1C,
            Date1C = state.Date1C,
            PaymentNumber1C = state.PaymentNumber1C,
            PaymentDate1C = state.PaymentDate1C,
            ShipmentNumber1C = state.ShipmentNumber1C,
            ShipmentDate1C = state.ShipmentDate1C,
            Status1C = state.Status1C,
            ExportedOn = await ToAdminTimeAsync(state.ExportedOnUtc),
            UpdatedFrom1COn = await ToAdminTimeAsync(state.UpdatedFrom1COnUtc),
            PendingExport = state.ChangeVersion > state.ExportedVersion,
        };
    }

    private async Task<DateTime?> ToAdminTimeAsync(DateTime? utc) =>
        utc is DateTime value ? await _dateTimeHelper.ConvertToUserTimeAsync(value, DateTimeKind.Utc) : null;
}
