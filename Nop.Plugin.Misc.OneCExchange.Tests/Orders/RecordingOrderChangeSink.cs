using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Orders;

/// <summary>Store orders in memory, changed as IOrderChangeSink's contract says, recording every command.</summary>
internal sealed class RecordingOrderChangeSink : IOrderChangeSink
{
    public sealed class StoreOrder
    {
        public required int Id { get; init; }
        public required string DocumentId { get; init; }
        public required string Number { get; init; }
        public StoreOrderStatus Status { get; set; } = StoreOrderStatus.Pending;
        public bool Paid { get; set; }
        public bool Shipped { get; set; }
        public string? TrackingNumber { get; set; }
        public string? OneCNumber { get; set; }
        public DateTime? OneCDate { get; set; }
        public List<string> Notes { get; } = [];
        public bool Cancelled => Status == StoreOrderStatus.Cancelled;
    }

    public Dictionary<int, StoreOrder> Orders { get; } = [];
    public List<OrderChangeCommand> Commands { get; } = [];
    public List<OrderChangeResult> Results { get; } = [];

    public StoreOrder Add(int id, string? number = null, string? documentId = null)
    {
        var order = new StoreOrder { Id = id, Number = number ?? id.ToString(), DocumentId = documentId ?? id.ToString() };
        Orders.Add(id, order);
        return order;
    }

    public StoreOrder ByDocumentId(string documentId) => Orders.Values.Single(order => order.DocumentId == documentId);

    public Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        var result = Apply(command);
        Results.Add(result);
        return Task.FromResult(result);
    }

    private OrderChangeResult Apply(OrderChangeCommand command)
    {
        var order = Orders.Values.FirstOrDefault(o => command.DocumentId != null && o.DocumentId == command.DocumentId)
                    ?? Orders.Values.FirstOrDefault(o => command.Number != null && o.Number == command.Number);
        if (order == null)
            return OrderChangeResult.Unknown;
        var applied = new List<ExchangeMessage>();
        var rejected = new List<ExchangeMessage>();
        if (command.OneCNumber != null && command.OneCNumber != order.OneCNumber)
        {
            order.OneCNumber = command.OneCNumber;
            applied.Add(Said("1C number " + command.OneCNumber));
        }
        if (command.OneCDate != null && command.OneCDate != order.OneCDate)
        {
            order.OneCDate = command.OneCDate;
            applied.Add(Said("1C date"));
        }
        if (command.Cancel && !order.Cancelled)
        {
            if (order.Shipped)
                rejected.Add(Said("a shipped order cannot be cancelled"));
            else
            {
                order.Status = StoreOrderStatus.Cancelled;
                applied.Add(Said("cancelled"));
            }
        }
        if (command.MarkPaid && !order.Paid)
        {
            if (order.Cancelled)
                rejected.Add(Said("a cancelled order cannot be marked paid"));
            else
            {
                order.Paid = true;
                applied.Add(Said("paid"));
            }
        }
        if (command.MarkShipped && !order.Shipped)
        {
            if (order.Cancelled)
                rejected.Add(Said("a cancelled order cannot be shipped"));
            else
            {
                order.Shipped = true;
                order.TrackingNumber = command.ShipmentNumber;
                applied.Add(Said("shipped"));
            }
        }
        if (command.TargetStatus is { } status && status != order.Status)
        {
            if (order.Cancelled)
                rejected.Add(Said($"a cancelled order cannot become {status}"));
            else if (status == StoreOrderStatus.Cancelled)
            {
                order.Status = status;
                applied.Add(Said("cancelled"));
            }
            else
            {
                order.Status = status;
                applied.Add(Said("status " + status));
            }
        }
        if (applied.Count > 0)
            order.Notes.Add("1C: " + string.Join(", ", applied));
        return new(applied.Count > 0 ? OrderChangeOutcome.Applied : OrderChangeOutcome.Unchanged, order.Id, applied, rejected);
    }

    /// <summary>A step of this fake, shown as its text (the key is none Core knows).</summary>
    private static ExchangeMessage Said(string text) => ExchangeMessage.Of("Test.Said", text);
}
