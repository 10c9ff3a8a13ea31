using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using NUnit.Framework;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.Orders;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

/// <summary>The official 1C "Заказ на сайт" sample sent back for an exported order, with no status mapping set.</summary>
public class StandardStatusOrderChangesTests
{
    private static readonly OrderExportFilter All = new([], PaidOnly: false, CreatedFromUtc: null, MaxOrders: 100);

    private FakeNopStore _store = null!;
    private Order _order = null!;
    private string _folder = null!;

    [SetUp]
    public async Task SetUp()
    {
        _store = new FakeNopStore();
        _order = _store.PlaceOrder(items: [(_store.AddProduct("Телевизор"), 1, 6394.47m)]);
        await _store.Source.HandOutAsync("s1", All, CancellationToken.None);
        await _store.Source.ConfirmAsync("s1", CancellationToken.None);
        _folder = Directory.CreateTempSubdirectory("onec-standard-").FullName;
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private async Task<ImportCounters> SendAsync(params (string Name, string Value)[] requisites)
    {
        var path = OfficialOrderSample.Save(_folder, _order.Id, requisites);
        var factory = new OrderChangesImportFactory(_store.Sink, _store, TimeProvider.System);
        using var import = factory.Open(new FileImportRequest("s2", ExchangeType.Sale, _folder, Path.GetFileName(path), 0));
        while (!await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None))
        {
        }
        return import.Counters;
    }

    [Test]
    public async Task Delivered_in_1C_ships_delivers_and_completes_the_order()
    {
        Assert.That(_store.Options.OrderStatusMappings, Is.Null.Or.Empty, "no mapping set");

        var counters = await SendAsync(("Статус заказа", "[F] Доставлен"), ("Финальный статус", "true"));

        var shipment = _store.Shipments.Rows.Single(s => s.OrderId == _order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(counters.Updated, Is.EqualTo(1), string.Join("\n", counters.Messages));
            Assert.That(counters.Warnings + counters.Failed, Is.Zero, string.Join("\n", counters.Messages));
            Assert.That(shipment.ShippedDateUtc, Is.Not.Null);
            Assert.That(shipment.DeliveryDateUtc, Is.Not.Null);
            Assert.That(_order.ShippingStatusId, Is.EqualTo((int)ShippingStatus.Delivered));
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Complete));
            Assert.That(_order.PaymentStatusId, Is.EqualTo((int)PaymentStatus.Pending), "1C said Заказ оплачен=false");
            Assert.That(_store.ExportStates.Rows.Single(s => s.OrderId == _order.Id).Status1C, Is.EqualTo("[F] Доставлен"));
        });
    }

    [Test]
    public async Task Delivered_in_1C_completes_an_order_that_needs_no_shipping_without_a_shipment_or_a_complaint()
    {
        _order.ShippingStatusId = (int)ShippingStatus.ShippingNotRequired;

        var counters = await SendAsync(("Статус заказа", "[F] Выполнен"));

        Assert.Multiple(() =>
        {
            Assert.That((counters.Updated, counters.Warnings), Is.EqualTo((1L, 0L)), string.Join("\n", counters.Messages));
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Complete));
            Assert.That(_order.ShippingStatusId, Is.EqualTo((int)ShippingStatus.ShippingNotRequired));
            Assert.That(_store.Shipments.Rows, Is.Empty);
        });
    }

    [Test]
    public async Task Paid_and_shipping_allowed_make_the_order_paid_and_processing_and_a_repeat_changes_nothing()
    {
        await SendAsync(("Заказ оплачен", "true"), ("Доставка разрешена", "true"), ("Статус заказа", "[P] Оплачен"));
        var again = await SendAsync(("Заказ оплачен", "true"), ("Доставка разрешена", "true"), ("Статус заказа", "[P] Оплачен"));

        Assert.Multiple(() =>
        {
            Assert.That(_order.PaymentStatusId, Is.EqualTo((int)PaymentStatus.Paid));
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Processing));
            Assert.That(_order.ShippingStatusId, Is.EqualTo((int)ShippingStatus.NotYetShipped));
            Assert.That(again.Updated, Is.Zero);
        });
    }

    [Test]
    public async Task Shipping_allowed_alone_moves_a_pending_order_to_processing()
    {
        await SendAsync(("Доставка разрешена", "true"));

        Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Processing));
        Assert.That(_order.PaymentStatusId, Is.EqualTo((int)PaymentStatus.Pending));
    }

    [Test]
    public async Task Cancelled_in_1C_cancels()
    {
        await SendAsync(("Отменен", "true"), ("Финальный статус", "true"));

        Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Cancelled));
        Assert.That(_store.Shipments.Rows, Is.Empty);
    }

    [Test]
    public async Task A_mapping_of_the_1C_status_wins_over_the_standard_meaning()
    {
        _store.Options = new OrderExchangeOptions { OrderStatusMappings = "[F] Доставлен=Processing" };

        await SendAsync(("Статус заказа", "[F] Доставлен"));

        Assert.Multiple(() =>
        {
            Assert.That(_order.OrderStatusId, Is.EqualTo((int)OrderStatus.Processing));
            Assert.That(_store.Shipments.Rows, Is.Empty);
        });
    }

    [TestCase(LocaleResourceFile.Russian, "1С: документ заказа", "отгружен", "доставлен")]
    [TestCase(LocaleResourceFile.English, "1C: order document", "shipped", "delivered")]
    public async Task The_order_note_reads_in_the_stores_language(string language, string header, string shipped, string delivered)
    {
        _store.Localization.Resources = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, language);

        await SendAsync(("Статус заказа", "[F] Доставлен"));

        var note = _store.OrderNotes.Rows.Single(n => n.OrderId == _order.Id).Note;
        Assert.That(note, Does.StartWith($"{header} {_order.Id}: ").And.Contains(shipped).And.Contains(delivered), note);
    }
}
