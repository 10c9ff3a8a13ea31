using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using NUnit.Framework;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

public class OrderOneCInfoModelFactoryTests
{
    private static readonly OneCExchange.Core.Orders.OrderExportFilter All = new([], false, null, 100);

    [Test]
    public async Task The_admin_sees_what_1C_sent_back_and_whether_the_order_waits_for_export()
    {
        var store = new FakeNopStore();
        var order = store.PlaceOrder();
        var factory = new OrderOneCInfoModelFactory(store.StateService, store.Platform, store.Orders, store.Changes, store.ExportStates);
        var beforeExport = await factory.PrepareAsync(order.Id);
        await store.Source.HandOutAsync("s1", All, CancellationToken.None);
        await store.Source.ConfirmAsync("s1", CancellationToken.None);
        await store.Sink.ApplyAsync(new OneCExchange.Core.Orders.OrderChangeCommand
        {
            Change = new OneCExchange.Core.CommerceMl.Orders.OrderChange
            {
                Location = new OneCExchange.Core.CommerceMl.SourceLocation("f", 1, 1), Id = order.Id.ToString(),
            },
            OneCNumber = "ЦБ-7", OneCDate = new DateTime(2026, 5, 1), MarkPaid = true, PaymentNumber = "ПП-1",
            OneCStatus = "Открыт",
        }, CancellationToken.None);

        var model = await factory.PrepareAsync(order.Id);
        var state = store.ExportStates.Rows.Single(s => s.OrderId == order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(beforeExport!.PendingExport, Is.True);
            Assert.That(beforeExport.ExportedOn, Is.Null);
            Assert.That(model!.Number1C, Is.EqualTo("ЦБ-7"));
            Assert.That(model.Date1C, Is.EqualTo(new DateTime(2026, 5, 1)), "1C's own date, as 1C sent it");
            Assert.That(model.PaymentNumber1C, Is.EqualTo("ПП-1"));
            Assert.That(model.Status1C, Is.EqualTo("Открыт"));
            Assert.That(model.ExportedOn, Is.EqualTo(state.ExportedOnUtc!.Value.AddHours(2)), "in the admin's time zone");
            Assert.That(model.PendingExport, Is.False);
        });
    }

    [Test]
    public async Task Orders_the_exchange_has_not_seen_show_no_card()
    {
        var store = new FakeNopStore();
        var old = store.Orders.Add(new Nop.Core.Domain.Orders.Order());

        Assert.That(await new OrderOneCInfoModelFactory(store.StateService, store.Platform, store.Orders, store.Changes, store.ExportStates).PrepareAsync(old.Id), Is.Null);
    }
}
