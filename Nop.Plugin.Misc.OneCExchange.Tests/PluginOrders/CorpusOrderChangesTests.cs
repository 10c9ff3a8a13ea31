using System.Text;
using System.Xml.Linq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using NUnit.Framework;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginOrders.Fakes;
using OneCExchange.Tests.Support;
using static OneCExchange.Tests.Orders.OrderDocumentXml;

namespace OneCExchange.Tests.PluginOrders;

/// <summary>Real 1C order documents imported through Core's sale import into the store's order processing.</summary>
public class CorpusOrderChangesTests
{
    private static readonly OrderExportFilter All = new([], PaidOnly: false, CreatedFromUtc: null, MaxOrders: 1000);

    public static IEnumerable<string> OrderFiles() => CorpusFiles.In("orders");

    [OneTimeSetUp]
    public void EnableWindows1251() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [TestCaseSource(nameof(OrderFiles))]
    public async Task Each_order_document_reaches_its_store_order_with_the_expected_changes(string name)
    {
        var path = CorpusFiles.Resolve("orders", name);
        var documents = OrderDocuments(XDocument.Load(path));
        var store = new FakeNopStore();
        var orders = documents.ToDictionary(d => d, d => store.PlaceOrder(id: int.Parse(Child(d, "Ид")!), items: []));
        foreach (var (document, order) in orders)
            order.CustomOrderNumber = Child(document, "Номер");
        await store.Source.HandOutAsync("query", All, CancellationToken.None);
        await store.Source.ConfirmAsync("query", CancellationToken.None);

        var counters = await ImportAsync(store, path);

        Assert.Multiple(async () =>
        {
            Assert.That(counters.Failed, Is.Zero, string.Join(Environment.NewLine, counters.Messages));
            foreach (var (document, order) in orders)
            {
                var expected = Expect(document);
                var state = store.ExportStates.Rows.Single(s => s.OrderId == order.Id);
                var what = $"{name}: order {order.Id}";
                Assert.That(order.OrderStatusId == (int)OrderStatus.Cancelled, Is.EqualTo(expected.Cancelled), what + " cancelled");
                Assert.That(order.PaymentStatusId == (int)PaymentStatus.Paid, Is.EqualTo(expected.Paid && !expected.Cancelled), what + " paid");
                Assert.That(order.ShippingStatusId == (int)ShippingStatus.Shipped, Is.EqualTo(expected.Shipped && !expected.Cancelled), what + " shipped");
                Assert.That(state.Number1C, Is.EqualTo(expected.OneCNumber), what + " 1C number");
                Assert.That(store.Shipments.Rows.Count(s => s.OrderId == order.Id), Is.EqualTo(expected.Shipped && !expected.Cancelled ? 1 : 0), what);
            }
            Assert.That((await store.Source.HandOutAsync("next", All, CancellationToken.None)).Select(h => h.OrderId), Is.Empty,
                "what 1C changed is not sent back to it");
        });
    }

    [TestCaseSource(nameof(OrderFiles))]
    public async Task Documents_of_orders_the_store_does_not_have_are_reported_and_change_nothing(string name)
    {
        var path = CorpusFiles.Resolve("orders", name);
        var store = new FakeNopStore();
        var bystander = store.PlaceOrder(id: 1);

        var counters = await ImportAsync(store, path);

        Assert.Multiple(() =>
        {
            Assert.That(counters.Failed, Is.EqualTo(OrderDocuments(XDocument.Load(path)).Count));
            Assert.That(store.OrderNotes.Rows, Is.Empty);
            Assert.That(bystander.OrderStatusId, Is.EqualTo((int)OrderStatus.Pending));
        });
    }

    private static async Task<ImportCounters> ImportAsync(FakeNopStore store, string path)
    {
        var factory = new OrderChangesImportFactory(store.Sink, store, TimeProvider.System);
        using var import = factory.Open(new FileImportRequest("session", ExchangeType.Sale, Path.GetDirectoryName(path)!,
            Path.GetFileName(path), 0));
        while (!await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None))
        {
        }
        return import.Counters;
    }

    private sealed record Expected(bool Paid, bool Shipped, bool Cancelled, string? OneCNumber);

    private static Expected Expect(XElement document)
    {
        var paidFlag = Requisite(document, "Оплачен") ?? Requisite(document, "Заказ оплачен");
        var shippedFlag = Requisite(document, "Отгружен");
        // 1C-Bitrix's status code P (paid), as "[P] …" or as the status id, means paid with no mapping.
        var paidStatus = Requisite(document, "Статус заказа")?.StartsWith("[P]") == true || Requisite(document, "Статуса заказа ИД") == "P";
        return new Expected(
            Paid: paidStatus || (paidFlag != null ? paidFlag == "true" : IsGiven(Requisite(document, "Дата оплаты по 1С")) || Requisite(document, "Номер оплаты по 1С") != null),
            Shipped: shippedFlag != null ? shippedFlag == "true" : IsGiven(Requisite(document, "Дата отгрузки по 1С")) || Requisite(document, "Номер отгрузки по 1С") != null,
            Cancelled: Requisite(document, "Отменен") == "true" || (Child(document, "ПометкаУдаления") ?? Requisite(document, "ПометкаУдаления")) == "true",
            OneCNumber: Child(document, "Номер1С") ?? Requisite(document, "Номер по 1С"));
    }

    /// <summary>The order documents (ХозОперация "Заказ товара"), also inside Контейнер.</summary>
    private static List<XElement> OrderDocuments(XDocument file) =>
        file.Root!.DescendantsAndSelf().Where(e => e.Name.LocalName == "Документ")
            .Where(d => Child(d, "ХозОперация") is null or "Заказ товара")
            .ToList();
}
