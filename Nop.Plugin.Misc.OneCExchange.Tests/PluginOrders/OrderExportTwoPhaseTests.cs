using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

public class OrderExportTwoPhaseTests
{
    private static readonly OrderExportFilter All = new([], PaidOnly: false, CreatedFromUtc: null, MaxOrders: 100);

    private FakeNopStore _store = null!;

    [SetUp]
    public void SetUp() => _store = new FakeNopStore();

    private async Task<int[]> QueryAsync(string session, OrderExportFilter? filter = null) =>
        (await _store.Source.HandOutAsync(session, filter ?? All, CancellationToken.None)).Select(h => h.OrderId).ToArray();

    private Task<int> SuccessAsync(string session) => _store.Source.ConfirmAsync(session, CancellationToken.None);

    [Test]
    public async Task Query_without_success_hands_out_the_same_orders_again()
    {
        var a = _store.PlaceOrder();
        var b = _store.PlaceOrder();

        var first = await QueryAsync("s1");
        var sameSession = await QueryAsync("s1");
        var nextSession = await QueryAsync("s2");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { a.Id, b.Id }));
            Assert.That(sameSession, Is.EqualTo(first));
            Assert.That(nextSession, Is.EqualTo(first));
            Assert.That(_store.ExportStates.Rows.All(s => s.ExportedVersion == 0), "nothing is exported before success");
        });
    }

    [Test]
    public async Task An_order_placed_before_the_plugin_was_installed_is_handed_out_again_until_1C_confirms_it()
    {
        var order = _store.PlaceOrder();
        await _store.Changes.DeleteAsync(_store.Changes.Rows.Where(c => c.OrderId == order.Id).ToList(), publishEvent: false);

        var first = await QueryAsync("s1");
        var nextSession = await QueryAsync("s2");
        await SuccessAsync("s2");

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.EqualTo(new[] { order.Id }));
            Assert.That(nextSession, Is.EqualTo(first), "1C never confirmed it: it is not lost");
            Assert.That(await QueryAsync("s3"), Is.Empty, "confirmed now");
        });
    }

    [Test]
    public async Task Success_marks_exactly_the_orders_handed_out_to_that_session()
    {
        var a = _store.PlaceOrder();
        await QueryAsync("s1");
        var placedAfterQuery = _store.PlaceOrder();

        var confirmed = await SuccessAsync("s1");
        var repeated = await SuccessAsync("s1");

        Assert.Multiple(async () =>
        {
            Assert.That(confirmed, Is.EqualTo(1));
            Assert.That(repeated, Is.Zero, "a repeated success is harmless");
            Assert.That(await QueryAsync("s2"), Is.EqualTo(new[] { placedAfterQuery.Id }));
            Assert.That(_store.ExportStates.Rows.Single(s => s.OrderId == a.Id).ExportedOnUtc, Is.Not.Null);
        });
    }

    [Test]
    public async Task Success_of_an_abandoned_session_does_not_confirm_what_a_later_session_was_handed()
    {
        var order = _store.PlaceOrder();
        await QueryAsync("old");
        await QueryAsync("new");

        Assert.That(await SuccessAsync("old"), Is.Zero);
        Assert.That(await QueryAsync("third"), Is.EqualTo(new[] { order.Id }));
        Assert.That(await SuccessAsync("third"), Is.EqualTo(1));
        Assert.That(await QueryAsync("fourth"), Is.Empty);
    }

    [Test]
    public async Task Change_after_hand_out_is_sent_again_after_success()
    {
        var order = _store.PlaceOrder();
        var handOut = await _store.Source.HandOutAsync("s1", All, CancellationToken.None);
        await _store.OrderProcessing.MarkOrderAsPaidAsync(order);
        await SuccessAsync("s1");

        var again = await _store.Source.HandOutAsync("s2", All, CancellationToken.None);

        Assert.That(again.Select(h => h.OrderId), Is.EqualTo(new[] { order.Id }));
        Assert.That(again[0].ChangeVersion, Is.GreaterThan(handOut[0].ChangeVersion));
    }

    [Test]
    public async Task A_storefront_change_while_success_is_being_recorded_is_not_lost()
    {
        var order = _store.PlaceOrder();
        await QueryAsync("s1");
        var paidMeanwhile = false;
        _store.ExportStates.BeforeUpdate = async _ =>
        {
            if (paidMeanwhile)
                return;
            paidMeanwhile = true;
            await _store.OrderProcessing.MarkOrderAsPaidAsync(order);
        };

        await SuccessAsync("s1");

        Assert.That(paidMeanwhile, Is.True);
        Assert.That(await QueryAsync("s2"), Is.EqualTo(new[] { order.Id }), "the payment made during success still goes to 1C");
    }

    [Test]
    public async Task Change_after_export_makes_the_order_due_again()
    {
        var order = _store.PlaceOrder();
        await QueryAsync("s1");
        await SuccessAsync("s1");
        Assert.That(await QueryAsync("s2"), Is.Empty);

        order.OrderStatusId = (int)OrderStatus.Processing;
        await _store.OrderService.UpdateOrderAsync(order);

        Assert.That(await QueryAsync("s3"), Is.EqualTo(new[] { order.Id }));
    }

    [Test]
    public async Task Orders_without_export_state_are_due_from_the_start_date()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Placed before the plugin was installed: no event reached it, so there is no state row.
        var old = _store.Orders.Add(new Order { OrderGuid = Guid.NewGuid(), CreatedOnUtc = start.AddDays(-1), CustomOrderNumber = "old" });
        var recent = _store.Orders.Add(new Order { OrderGuid = Guid.NewGuid(), CreatedOnUtc = start.AddDays(1), CustomOrderNumber = "recent" });

        var handedOut = await QueryAsync("s1", All with { CreatedFromUtc = start });
        await SuccessAsync("s1");

        Assert.Multiple(async () =>
        {
            Assert.That(handedOut, Is.EqualTo(new[] { recent.Id }));
            Assert.That(_store.ExportStates.Rows.Single(s => s.OrderId == recent.Id).ExportedOnUtc, Is.Not.Null);
            Assert.That(_store.ExportStates.Rows.Any(s => s.OrderId == old.Id), Is.False);
            Assert.That(await QueryAsync("s2", All with { CreatedFromUtc = start }), Is.Empty);
        });
    }

    [Test]
    public async Task Filters_select_statuses_paid_orders_and_a_bounded_batch_lowest_ids_first()
    {
        var pending = _store.PlaceOrder();
        var processingPaid = _store.PlaceOrder();
        processingPaid.OrderStatusId = (int)OrderStatus.Processing;
        processingPaid.PaymentStatusId = (int)PaymentStatus.Paid;
        var processingUnpaid = _store.PlaceOrder();
        processingUnpaid.OrderStatusId = (int)OrderStatus.Processing;

        Assert.Multiple(async () =>
        {
            Assert.That(await QueryAsync("a", All with { Statuses = [StoreOrderStatus.Processing] }),
                Is.EqualTo(new[] { processingPaid.Id, processingUnpaid.Id }));
            Assert.That(await QueryAsync("b", All with { PaidOnly = true }), Is.EqualTo(new[] { processingPaid.Id }));
            Assert.That(await QueryAsync("c", All with { MaxOrders = 2 }), Is.EqualTo(new[] { pending.Id, processingPaid.Id }));
        });
    }

    [Test]
    public async Task A_repeated_query_of_a_session_releases_orders_it_no_longer_hands_out()
    {
        var a = _store.PlaceOrder();
        var b = _store.PlaceOrder();
        await QueryAsync("s1");
        b.Deleted = true;

        Assert.That(await QueryAsync("s1"), Is.EqualTo(new[] { a.Id }));
        Assert.That(await SuccessAsync("s1"), Is.EqualTo(1));
        Assert.That(_store.ExportStates.Rows.Single(s => s.OrderId == b.Id).ExportedVersion, Is.Zero);
    }

    [Test]
    public async Task Reference_data_lists_statuses_payment_and_delivery_methods()
    {
        _store.PaymentMethods.Add(new FakePaymentMethod("Payments.CheckMoneyOrder", "Перевод"));
        _store.ShippingMethods.Add(new Nop.Core.Domain.Shipping.ShippingMethod { Name = "Курьер" });

        var data = await _store.Source.GetReferenceDataAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(data.Statuses.Select(s => s.Id), Is.EqualTo(Enum.GetValues<OrderStatus>().Select(s => ((int)s).ToString())),
                "the ids the orders document writes in \"[id] name\"");
            Assert.That(data.Statuses.Select(s => s.Name), Is.EqualTo(Enum.GetNames<OrderStatus>().Select(n => "Localized " + n)));
            Assert.That(data.PaymentSystems, Is.EqualTo(new[] { new ReferenceItem("Payments.CheckMoneyOrder", "Перевод") }));
            Assert.That(data.DeliveryServices, Is.EqualTo(new[] { new ReferenceItem("Курьер", "Курьер") }));
        });
    }

    [TestCase("PostgreSQL.9.2", "UPDATE \"OneCOrderExport\" AS t SET \"HandedOutSessionId\" = v.\"HandedOutSessionId\"")]
    [TestCase("MySqlConnector", "UPDATE `OneCOrderExport` AS t JOIN (SELECT @p0 AS `Id`")]
    public async Task A_query_again_and_success_write_the_hand_outs_of_all_orders_in_one_statement(string provider, string sqlStart)
    {
        _store = new FakeNopStore(provider);
        var orders = Enumerable.Range(0, 600).Select(_ => _store.PlaceOrder()).ToList();
        var many = All with { MaxOrders = 1000 };
        await QueryAsync("s1", many);

        // The fake database runs no SQL: the rows stay as the first hand-out inserted them, which success then confirms.
        await QueryAsync("s1", many);
        await SuccessAsync("s1");

        var statements = _store.DataProvider.Executed;
        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.EqualTo(2), "the repeated hand-out, then the confirmation");
            Assert.That(statements.Select(s => s.Sql), Has.All.StartWith(sqlStart));
            Assert.That(statements.Select(s => s.Sql), Has.None.Contains("s1"), "values are parameters");
            Assert.That(statements[0].Parameters.Count(p => Equals(p.Value, "s1")), Is.EqualTo(orders.Count));
            Assert.That(statements[1].Parameters.Count(p => p.Value is DateTime), Is.EqualTo(orders.Count), "ExportedOnUtc of each");
        });
    }

    [Test]
    public async Task On_SQL_Server_the_hand_outs_go_through_nopCommerces_list_update()
    {
        _store = new FakeNopStore("SqlServer.2019");
        var orders = Enumerable.Range(0, 3).Select(_ => _store.PlaceOrder()).ToList();
        await QueryAsync("s1");
        var roundTrips = _store.ExportStates.RoundTrips;

        await SuccessAsync("s1");

        Assert.Multiple(() =>
        {
            Assert.That(_store.DataProvider.Executed, Is.Empty, "no hand-written SQL on SQL Server");
            Assert.That(_store.ExportStates.RoundTrips - roundTrips, Is.EqualTo(2), "one read of the session's rows, one list update");
            Assert.That(_store.ExportStates.Rows.Select(r => (r.HandedOutSessionId, r.ExportedVersion > 0)),
                Is.All.EqualTo(((string?)null, true)));
        });
    }
}
