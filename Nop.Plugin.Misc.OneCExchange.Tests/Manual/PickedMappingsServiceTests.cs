using NUnit.Framework;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Services.Mappings;
using OneCExchange.Core.Settings;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Manual;

public class PickedMappingsServiceTests
{
    [Test]
    public async Task Saving_stores_the_picks_as_lines_creates_a_warehouse_picked_create_and_drops_what_Core_would_refuse()
    {
        var warehouses = new InMemoryRepository<Warehouse>();
        var service = new PickedMappingsService(null!, new FakeLocalizationService(), warehouses, new InMemoryRepository<CustomerRole>());
        var model = new ConfigurationModel
        {
            PriceTypePicks =
            [
                new() { Source = "p1", Name = "Розничная", Target = "Price" },
                new() { Source = "p2", Name = "Опт", Target = "Tier:wholesale" },
                new() { Source = "p3", Name = "Закупочная", Target = "" },
                new() { Source = "p4", Name = "Старая", Target = "Bogus" },
            ],
            WarehousePicks =
            [
                new() { Source = "w1", Name = "Склад на Ленина", Target = PickedMappingsService.CreateTarget },
                new() { Source = "w2", Name = "Витрина", Target = "Ignore" },
            ],
            OrderStatusPicks = [new() { Source = "[F] Доставлен", Name = "[F] Доставлен", Target = "Complete" }],
        };
        var settings = new OneCExchangeSettings();

        await service.SaveAsync(model, settings);

        var created = warehouses.Rows.Single();
        Assert.That(created.Name, Is.EqualTo("Склад на Ленина"));
        Assert.That(settings.PickedPriceTypeMappings, Is.EqualTo("p1=Price\np2=Tier:wholesale"));
        Assert.That(settings.PickedWarehouseMappings, Is.EqualTo($"w1={created.Id}\nw2=Ignore"));
        Assert.That(MappingLines.ParseOrderStatuses(settings.PickedOrderStatusMappings).Items.Single().Status, Is.EqualTo(OrderStatusTarget.Complete));
    }
}
