using Nop.Plugin.Misc.OneCExchange.Domain;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>
/// What 1C sent about an order (its own number and date, payment and shipment documents, status) kept in the order's
/// export state; the versions 1C's changes raised are marked as known to 1C when 1C had the latest one before.
/// </summary>
public class OrderOneCStateWriter
{
    #region Fields

    protected readonly OrderExportStateService _stateService;

    #endregion

    #region Ctor

    public OrderOneCStateWriter(OrderExportStateService stateService)
    {
        _stateService = stateService;
    }

    #endregion

    public virtual Task<OneCOrderExport?> FindAsync(int orderId) => _stateService.FindExportAsync(orderId);

    /// <summary>Whether 1C had the order's latest version before this document.</summary>
    public virtual async Task<bool> OneCHadLatestAsync(int orderId, OneCOrderExport? stateBefore)
    {
        var versionBefore = (await _stateService.FindChangeAsync(orderId))?.ChangeVersion ?? 0;
        // An order never handed out that 1C nevertheless knows came to 1C some other way: 1C has it as it is.
        return stateBefore == null || versionBefore <= stateBefore.ExportedVersion;
    }

    /// <summary>"1C number …" when the document brings a number or date 1C had not given the order before, else null.</summary>
    public virtual ExchangeMessage? NewNumberMessage(OrderChangeCommand command, OneCOrderExport? stateBefore)
    {
        var isNew = (!string.IsNullOrWhiteSpace(command.OneCNumber) && command.OneCNumber.Trim() != stateBefore?.Number1C)
            || (command.OneCDate.HasValue && command.OneCDate != stateBefore?.Date1C);
        if (!isNew)
            return null;
        return command.OneCDate is { } oneCDate
            ? ExchangeMessage.Of(MessageKeys.OrderAppliedOneCNumberDated, command.OneCNumber ?? stateBefore?.Number1C, oneCDate)
            : ExchangeMessage.Of(MessageKeys.OrderAppliedOneCNumber, command.OneCNumber ?? stateBefore?.Number1C);
    }

    /// <summary>Keeps what 1C sent in the export state; the versions the changes raised are marked as known to 1C.</summary>
    public virtual async Task SaveAsync(int orderId, OrderChangeCommand command, bool oneCHadLatest)
    {
        var state = await _stateService.FindExportAsync(orderId);
        var isNew = state == null;
        state ??= new OneCOrderExport { OrderId = orderId };

        state.Number1C = Limit(command.OneCNumber, OneCOrderExport.DocumentNumberMaxLength) ?? state.Number1C;
        state.Date1C = command.OneCDate ?? state.Date1C;
        state.PaymentNumber1C = Limit(command.PaymentNumber, OneCOrderExport.DocumentNumberMaxLength) ?? state.PaymentNumber1C;
        state.PaymentDate1C = command.PaymentDate ?? state.PaymentDate1C;
        state.ShipmentNumber1C = Limit(command.ShipmentNumber, OneCOrderExport.DocumentNumberMaxLength) ?? state.ShipmentNumber1C;
        state.ShipmentDate1C = command.ShipmentDate ?? state.ShipmentDate1C;
        state.Status1C = Limit(command.OneCStatus, OneCOrderExport.StatusMaxLength) ?? state.Status1C;
        state.UpdatedFrom1COnUtc = DateTime.UtcNow;
        if (oneCHadLatest)
            state.ExportedVersion = (await _stateService.FindChangeAsync(orderId))?.ChangeVersion ?? 0;

        if (isNew)
            await _stateService.InsertAsync([state]);
        else
            await _stateService.UpdateAsync([state]);
    }

    private static string? Limit(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        return value.Length <= maxLength ? value : value[..maxLength];
    }
}
