using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Services.Orders;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>The order note of one 1C document: what 1C changed and what it could not, in the store's language.</summary>
public class OrderChangeNoteWriter
{
    #region Fields

    protected readonly IOrderService _orderService;
    protected readonly ExchangeMessageLocalizer _messageLocalizer;

    #endregion

    #region Ctor

    public OrderChangeNoteWriter(IOrderService orderService, ExchangeMessageLocalizer messageLocalizer)
    {
        _orderService = orderService;
        _messageLocalizer = messageLocalizer;
    }

    #endregion

    /// <summary>One note in the store's language (the exchange's working language): what 1C changed and what it could not.</summary>
    public virtual async Task AddNoteAsync(Order order, OrderChangeCommand command, List<ExchangeMessage> applied,
        List<ExchangeMessage> rejected)
    {
        var text = await _messageLocalizer.LocalizeAsync(ExchangeMessage.Of(MessageKeys.OrderNote, command.Change.Reference));
        if (applied.Count > 0)
            text += ": " + string.Join("; ", await LocalizeAllAsync(applied));
        if (rejected.Count > 0)
            text += ". " + await _messageLocalizer.LocalizeAsync(
                ExchangeMessage.Of(MessageKeys.OrderNoteNotApplied, string.Join("; ", await LocalizeAllAsync(rejected))));
        if (command.Posted is bool posted)
            text += ". " + await _messageLocalizer.LocalizeAsync(
                ExchangeMessage.Of(posted ? MessageKeys.OrderNotePosted : MessageKeys.OrderNoteNotPosted));

        await _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = text,
            DisplayToCustomer = false,
            CreatedOnUtc = DateTime.UtcNow,
        });
    }

    protected virtual async Task<List<string>> LocalizeAllAsync(List<ExchangeMessage> messages)
    {
        var texts = new List<string>(messages.Count);
        foreach (var message in messages)
            texts.Add(await _messageLocalizer.LocalizeAsync(message));
        return texts;
    }
}
