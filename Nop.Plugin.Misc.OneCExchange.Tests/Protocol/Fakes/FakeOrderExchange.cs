using System.Collections.Concurrent;
using System.Text;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Protocol.Fakes;

/// <summary>Hands out a fixed orders document and records which sessions confirmed it.</summary>
public sealed class FakeOrderExchange : IOrderExchange
{
    public const string OrdersXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><КоммерческаяИнформация ВерсияСхемы=\"2.08\"><Документ><Ид>17</Ид><Номер>17</Номер></Документ></КоммерческаяИнформация>";

    public const string InfoXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Справочник><Cтатусы><Элемент><Ид>10</Ид><Название>Pending</Название></Элемент></Cтатусы></Справочник>";

    public ConcurrentQueue<OrderQuery> Queries { get; } = new();

    /// <summary>Makes the orders document fail half-way through writing, as a store error would.</summary>
    public bool FailWhileWriting { get; set; }
    public ConcurrentQueue<string> Confirmed { get; } = new();

    public Task<OrderExportDocument> QueryAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        Queries.Enqueue(query);
        if (!FailWhileWriting)
            return Task.FromResult(Document(OrdersXml, 1));
        return Task.FromResult(new OrderExportDocument("application/xml", 1, async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(OrdersXml[..40]), ct);
            throw new InvalidOperationException("order 17 has no customer");
        }));
    }

    public Task ConfirmAsync(string sessionId, CancellationToken cancellationToken)
    {
        Confirmed.Enqueue(sessionId);
        return Task.CompletedTask;
    }

    public Task<OrderExportDocument> InfoAsync(OrderQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Document(InfoXml, 1));

    private static OrderExportDocument Document(string xml, int count) =>
        new("application/xml; charset=utf-8", count, (stream, ct) => stream.WriteAsync(Encoding.UTF8.GetBytes(xml), ct).AsTask());
}
