using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using OneCExchange.Core.Orders;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

/// <summary>What type=listen asks the store: whether mode=query would hand out an order now, from the tables alone.</summary>
public class PendingOrdersTests
{
    private FakeNopStore _store = null!;
    private NopPendingOrders _pending = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new FakeNopStore();
        _pending = new NopPendingOrders(_store.Orders, _store.Changes, _store.ExportStates, _store);
    }

    private Task<bool> AnyAsync() => _pending.AnyAsync(CancellationToken.None);

    private async Task ExchangeAsync(string session)
    {
        await _store.Source.HandOutAsync(session, OrderExportFilters.From(_store.Options), CancellationToken.None);
        await _store.Source.ConfirmAsync(session, CancellationToken.None);
    }

    [Test]
    public async Task A_placed_order_is_pending_until_1C_confirms_it_and_again_once_it_changes()
    {
        Assert.That(await AnyAsync(), Is.False, "no order");
        var order = _store.PlaceOrder();
        Assert.That(await AnyAsync(), Is.True, "a new order");

        await _store.Source.HandOutAsync("s1", OrderExportFilters.From(_store.Options), CancellationToken.None);
        Assert.That(await AnyAsync(), Is.True, "handed out but not confirmed");
        await _store.Source.ConfirmAsync("s1", CancellationToken.None);
        Assert.That(await AnyAsync(), Is.False, "confirmed by 1C");

        await _store.OrderProcessing.MarkOrderAsPaidAsync(order);
        Assert.That(await AnyAsync(), Is.True, "paid in the admin after the exchange");
        await ExchangeAsync("s2");
        Assert.That(await AnyAsync(), Is.False);
    }

    [Test]
    public async Task Only_orders_the_export_settings_let_through_are_pending()
    {
        _store.Options = _store.Options with { ExportPaidOrdersOnly = true };
        var order = _store.PlaceOrder();
        Assert.That(await AnyAsync(), Is.False, "unpaid while only paid orders go to 1C");

        await _store.OrderProcessing.MarkOrderAsPaidAsync(order);
        Assert.That(await AnyAsync(), Is.True);
    }

    [Test]
    public async Task A_deleted_order_is_not_pending()
    {
        var order = _store.PlaceOrder();
        order.Deleted = true;

        Assert.That(await AnyAsync(), Is.False);
    }
}
