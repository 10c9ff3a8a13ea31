using NUnit.Framework;
using OneCExchange.Core.Settings;

namespace OneCExchange.Tests.Core.Settings;

public class MappingLinesTests
{
    [Test]
    public void Price_types_map_to_their_targets()
    {
        var result = MappingLines.ParsePriceTypes("Розничная = Price\r\n# a comment\n\nСтарая=oldprice\nbd72d8f9-55bc-11d9-848a-00112f43529a=ProductCost\nОпт=Tier: Wholesalers");

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Items, Is.EqualTo(new[]
        {
            new PriceTypeMapping("Розничная", PriceTarget.Price, null),
            new PriceTypeMapping("Старая", PriceTarget.OldPrice, null),
            new PriceTypeMapping("bd72d8f9-55bc-11d9-848a-00112f43529a", PriceTarget.ProductCost, null),
            new PriceTypeMapping("Опт", PriceTarget.Tier, "Wholesalers")
        }));
    }

    [Test]
    public void Invalid_lines_are_reported_by_number_and_left_out()
    {
        var result = MappingLines.ParsePriceTypes("Розничная=Price\nОпт=Discount\n=Price\nбез знака\nРозничная=OldPrice\nЗакупочная=Tier:");

        Assert.That(result.InvalidLines, Is.EqualTo(new[] { 2, 3, 4, 5, 6 }));
        Assert.That(result.Items.Select(i => i.Source), Is.EqualTo(new[] { "Розничная" }));
    }

    [Test]
    public void Empty_text_means_no_mappings()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MappingLines.ParseWarehouses(null).Items, Is.Empty);
            Assert.That(MappingLines.ParseWarehouses("  \n ").IsValid, Is.True);
        });
    }

    [Test]
    public void Warehouses_map_to_positive_store_ids()
    {
        var result = MappingLines.ParseWarehouses("Основной склад=3\nСклад=с=4\nУдалённый=0\nДругой=-1\nТретий=x");

        Assert.That(result.Items, Is.EqualTo(new[] { new WarehouseMapping("Основной склад", 3), new WarehouseMapping("Склад=с", 4) }));
        Assert.That(result.InvalidLines, Is.EqualTo(new[] { 3, 4, 5 }));
    }

    [Test]
    public void Order_statuses_map_to_store_statuses_by_name_only()
    {
        var result = MappingLines.ParseOrderStatuses("[N] Принят=Pending\nВ работе=processing\nОтгружен=Complete\nОтменен=Cancelled\nЧисло=30\nДоставлен=Delivered");

        Assert.That(result.Items.Select(i => i.Status), Is.EqualTo(new[]
            { OrderStatusTarget.Pending, OrderStatusTarget.Processing, OrderStatusTarget.Complete, OrderStatusTarget.Cancelled }));
        Assert.That(result.InvalidLines, Is.EqualTo(new[] { 5, 6 }));
    }
}
