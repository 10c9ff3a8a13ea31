using System.Text;
using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;
using OneCExchange.Tests.PluginOrders.Fakes;

namespace OneCExchange.Tests.PluginOrders;

/// <summary>mode=query and mode=success through Core's order exchange on top of the plugin's order source.</summary>
public class SaleQueryThroughPluginTests
{
    [OneTimeSetUp]
    public void EnableWindows1251() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<XDocument> WriteAsync(OrderExportDocument document)
    {
        using var stream = new MemoryStream();
        await document.WriteToAsync(stream, CancellationToken.None);
        stream.Position = 0;
        return XDocument.Load(stream);
    }

    private static IEnumerable<XElement> Named(XContainer root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    [Test]
    public async Task Query_writes_the_due_orders_and_success_stops_sending_them()
    {
        var store = new FakeNopStore();
        var registered = store.AddCustomer(registered: true);
        var first = store.PlaceOrder(registered, store.AddAddress(firstName: "<Иван & \"Ко\">"),
            items: (store.AddProduct("Стол <дубовый>", sku: "T&1", oneCId: "1c-table"), 1, 5000m));
        var second = store.PlaceOrder();
        var exchange = new OrderExchange(store.Source, store, TimeProvider.System);

        var document = await exchange.QueryAsync(new OrderQuery("s1", "2.08"), CancellationToken.None);
        var xml = await WriteAsync(document);
        var repeated = await WriteAsync(await exchange.QueryAsync(new OrderQuery("s1", "2.08"), CancellationToken.None));
        await exchange.ConfirmAsync("s1", CancellationToken.None);
        var afterSuccess = await exchange.QueryAsync(new OrderQuery("s2", "2.08"), CancellationToken.None);

        var orderIds = Named(xml, "Документ").Select(d => d.Elements().First(e => e.Name.LocalName == "Ид").Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(document.OrderCount, Is.EqualTo(2));
            Assert.That(orderIds, Is.EqualTo(new[] { first.Id.ToString(), second.Id.ToString() }));
            Assert.That(Named(repeated, "Документ").Select(d => d.Elements().First(e => e.Name.LocalName == "Ид").Value), Is.EqualTo(orderIds),
                "no success yet: the same orders again");
            Assert.That(Named(xml, "Наименование").Select(n => n.Value), Has.Some.Contains("Стол <дубовый>"), "names survive escaping");
            Assert.That(Named(xml, "Ид").Select(n => n.Value), Has.Member("1c-table"));
            Assert.That(Named(xml, "Ид").Select(n => n.Value), Has.Member(registered.CustomerGuid.ToString()));
            Assert.That(afterSuccess.OrderCount, Is.Zero);
        });
    }

    [Test]
    public async Task Info_lists_the_store_statuses_payment_and_delivery_methods()
    {
        var store = new FakeNopStore();
        store.PaymentMethods.Add(new FakePaymentMethod("Payments.Manual", "Карта"));
        store.ShippingMethods.Add(new Nop.Core.Domain.Shipping.ShippingMethod { Name = "Почта" });
        var exchange = new OrderExchange(store.Source, store, TimeProvider.System);

        var xml = await WriteAsync(await exchange.InfoAsync(new OrderQuery("s1", null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(Named(xml, "Cтатусы").Elements().Count(), Is.EqualTo(Enum.GetValues<Nop.Core.Domain.Orders.OrderStatus>().Length));
            Assert.That(Named(xml, "ПлатежныеСистемы").Descendants().Select(e => e.Value), Has.Member("Payments.Manual").And.Member("Карта"));
            Assert.That(Named(xml, "СлужбыДоставки").Descendants().Select(e => e.Value), Has.Member("Почта"));
        });
    }
}
