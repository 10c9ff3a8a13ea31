using System.Text;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Orders;

/// <summary>1C's standard order statuses ("Заказ на сайт") understood with no status mapping; a mapping overrides them.</summary>
public class StandardOrderStatusTests
{
    private static OrderChangeCommand Interpret(string? mappings, params (string Name, string Value)[] requisites)
    {
        var xml = OfficialOrderSample.For(36, requisites).ToString();
        using var reader = new OrderChangesReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "orders.xml");
        var change = reader.ReadDocuments().Single();
        return new OrderChangeInterpreter(OrderStatusMap.Parse(mappings), notifyCustomer: false).Interpret(change)!;
    }

    [Test]
    public void The_official_sample_as_sent_first_accepted_asks_for_nothing()
    {
        var command = Interpret(null);

        Assert.Multiple(() =>
        {
            Assert.That(command.OneCStatus, Is.EqualTo("[N] Принят"));
            Assert.That(command.MarkPaid || command.MarkShipped || command.MarkDelivered || command.Cancel || command.AllowShipping, Is.False);
            Assert.That(command.TargetStatus, Is.Null);
        });
    }

    [TestCase("[F] Доставлен")]
    [TestCase("[F] Выполнен")]
    [TestCase("Выполнен")]
    [TestCase("Доставлен")]
    public void A_final_1C_status_delivers_and_completes_with_no_mapping(string status)
    {
        var command = Interpret(null, ("Статус заказа", status));

        Assert.Multiple(() =>
        {
            Assert.That(command.MarkShipped, Is.True);
            Assert.That(command.MarkDelivered, Is.True);
            Assert.That(command.TargetStatus, Is.EqualTo(StoreOrderStatus.Complete));
            Assert.That(command.Cancel, Is.False);
            Assert.That(command.MarkPaid, Is.False, "delivered is not paid: Заказ оплачен=false");
        });
    }

    [Test]
    public void Final_status_flag_delivers_and_completes_unless_the_order_is_cancelled()
    {
        var final = Interpret(null, ("Финальный статус", "true"));
        var cancelled = Interpret(null, ("Финальный статус", "true"), ("Отменен", "true"));

        Assert.Multiple(() =>
        {
            Assert.That((final.MarkDelivered, final.TargetStatus, final.Cancel), Is.EqualTo((true, (StoreOrderStatus?)StoreOrderStatus.Complete, false)));
            Assert.That((cancelled.MarkDelivered, cancelled.TargetStatus, cancelled.Cancel), Is.EqualTo((false, (StoreOrderStatus?)null, true)));
        });
    }

    [TestCase("Заказ оплачен", "true")]
    [TestCase("Статус заказа", "[P] Оплачен")]
    [TestCase("Статуса заказа ИД", "P")]
    public void Paid_flag_or_status_P_marks_paid(string name, string value)
    {
        var command = Interpret(null, (name, value));

        Assert.Multiple(() =>
        {
            Assert.That(command.MarkPaid, Is.True);
            Assert.That(command.MarkShipped || command.MarkDelivered || command.Cancel, Is.False);
        });
    }

    [Test]
    public void Shipping_allowed_asks_for_ready_to_ship_and_cancelled_cancels()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Interpret(null, ("Доставка разрешена", "true")).AllowShipping, Is.True);
            Assert.That(Interpret(null, ("Доставка разрешена", "false")).AllowShipping, Is.False);
            Assert.That(Interpret(null, ("Отменен", "true")).Cancel, Is.True);
            Assert.That(Interpret(null, ("Статус заказа", "Отменен")).Cancel, Is.True);
        });
    }

    [Test]
    public void A_mapping_overrides_the_standard_meaning()
    {
        var command = Interpret("[F] Доставлен=Processing", ("Статус заказа", "[F] Доставлен"), ("Финальный статус", "true"));
        var paidMapped = Interpret("P=Pending", ("Статуса заказа ИД", "P"));

        Assert.Multiple(() =>
        {
            Assert.That(command.TargetStatus, Is.EqualTo(StoreOrderStatus.Processing));
            Assert.That(command.MarkDelivered || command.MarkShipped, Is.False);
            Assert.That(paidMapped.MarkPaid, Is.False);
            Assert.That(paidMapped.TargetStatus, Is.EqualTo(StoreOrderStatus.Pending));
        });
    }

    [TestCase("[N] Принят", null, StandardOrderStatus.None)]
    [TestCase("Открыт", null, StandardOrderStatus.None)]
    [TestCase(null, "N", StandardOrderStatus.None)]
    [TestCase("[P] Оплачен", null, StandardOrderStatus.Paid)]
    [TestCase(" [f]  Доставлен ", null, StandardOrderStatus.Delivered)]
    [TestCase("Открыт", "F", StandardOrderStatus.Delivered)]
    [TestCase("Отменён", null, StandardOrderStatus.Cancelled)]
    public void Standard_statuses_are_read_from_the_code_or_the_name(string? name, string? id, StandardOrderStatus expected) =>
        Assert.That(StandardOrderStatuses.Of(name, id), Is.EqualTo(expected));
}
