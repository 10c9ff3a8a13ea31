using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Tests.PluginOrders.Fakes;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;

namespace OneCExchange.Tests.PluginOrders;

/// <summary>The orders document reads the store a page at a time: the same queries for one order as for a full page.</summary>
public class OrderPageReadsTests
{
    [Test]
    public async Task A_page_of_orders_costs_one_query_per_table_however_many_orders_it_holds()
    {
        var store = new FakeNopStore();
        var orderIds = new List<int>();
        for (var i = 0; i < NopOrderSource.PageSize + 1; i++)
        {
            var customer = store.AddCustomer(registered: i % 2 == 0, email: $"buyer{i}@example.ru");
            var product = store.AddProduct($"Товар {i}", oneCId: $"1c-{i}");
            orderIds.Add(store.PlaceOrder(customer, store.AddAddress(), items: [(product, 1, 10m), (store.AddProduct($"Другой {i}"), 2, 5m)]).Id);
        }

        var oneOrder = await ReadsAsync(store, orderIds.Take(1).ToList());
        var fullPage = await ReadsAsync(store, orderIds.Take(NopOrderSource.PageSize).ToList());
        var twoPages = await ReadsAsync(store, orderIds);

        Assert.Multiple(() =>
        {
            Assert.That(oneOrder.Snapshots, Is.EqualTo(1));
            Assert.That(fullPage.Snapshots, Is.EqualTo(NopOrderSource.PageSize));
            Assert.That(twoPages.Snapshots, Is.EqualTo(NopOrderSource.PageSize + 1));
            // Orders, items, products, mappings, changes, customers, registered roles, addresses, countries, regions.
            Assert.That(oneOrder.RoundTrips, Is.EqualTo(10));
            Assert.That(fullPage.RoundTrips, Is.EqualTo(oneOrder.RoundTrips));
            Assert.That(twoPages.RoundTrips, Is.EqualTo(2 * oneOrder.RoundTrips));
        });
    }

    [Test]
    public async Task Snapshots_of_a_page_keep_each_order_its_own_lines_and_buyer()
    {
        var store = new FakeNopStore();
        var first = store.PlaceOrder(store.AddCustomer(registered: false), store.AddAddress(firstName: "Анна"),
            items: [(store.AddProduct("Чай", oneCId: "tea"), 3, 10m)]);
        var second = store.PlaceOrder(store.AddCustomer(registered: false), store.AddAddress(firstName: "Олег"),
            items: [(store.AddProduct("Кофе"), 1, 20m), (store.AddProduct("Сахар"), 2, 1m)]);

        var snapshots = new List<OneCExchange.Core.CommerceMl.Orders.OrderSnapshot>();
        await foreach (var snapshot in store.Source.GetSnapshotsAsync([second.Id, first.Id], CancellationToken.None))
            snapshots.Add(snapshot);

        Assert.Multiple(() =>
        {
            Assert.That(snapshots.Select(s => s.OrderId), Is.EqualTo(new[] { second.Id, first.Id }));
            Assert.That(snapshots[0].Lines.Select(l => l.Name), Is.EqualTo(new[] { "Кофе", "Сахар" }));
            Assert.That(snapshots[0].Customer.FirstName, Is.EqualTo("Олег"));
            Assert.That(snapshots[1].Lines.Select(l => (l.Name, l.OneCId)), Is.EqualTo(new[] { ("Чай", (string?)"tea") }));
            Assert.That(snapshots[1].Customer.FirstName, Is.EqualTo("Анна"));
        });
    }

    private static async Task<(int Snapshots, int RoundTrips)> ReadsAsync(FakeNopStore store, IReadOnlyList<int> orderIds)
    {
        var before = store.OrderReadRoundTrips;
        var count = 0;
        await foreach (var _ in store.Source.GetSnapshotsAsync(orderIds, CancellationToken.None))
            count++;
        return (count, store.OrderReadRoundTrips - before);
    }
}
