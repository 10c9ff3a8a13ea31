using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Orders;

namespace OneCExchange.Tests.Orders;

public class OrderStatusMapTests
{
    [Test]
    public void Lines_map_1C_statuses_by_name_or_id_ignoring_case_and_spaces()
    {
        var map = OrderStatusMap.Parse("# comment\r\n\r\n  Открыт = Processing\r\nЗакрыт=complete\nF=Complete\n");
        Assert.That(map.Count, Is.EqualTo(3));
        Assert.That(map.Find("открыт"), Is.EqualTo(StoreOrderStatus.Processing));
        Assert.That(map.Find(null, " F "), Is.EqualTo(StoreOrderStatus.Complete));
        Assert.That(map.Find("Неизвестный", "X"), Is.Null);
        Assert.That(OrderStatusMap.Parse(null).Find("Открыт"), Is.Null);
    }

    [TestCase("Открыт")]
    [TestCase("=Processing")]
    [TestCase("Открыт=Shipped")]
    [TestCase("Открыт=20")]
    [TestCase("a=Complete")]
    public void A_malformed_line_is_refused_with_its_number(string line) =>
        Assert.That(() => OrderStatusMap.Parse("A=Pending\n" + line), Throws.InstanceOf<ImportException>()
            .With.Property(nameof(ImportException.Reason)).EqualTo(ExchangeMessage.Of(MessageKeys.InvalidOrderStatusMappings, "2")));
}
