using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using NUnit.Framework;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.PluginOrders;

public class OrderServicesWiringTests
{
    [Test]
    public async Task Options_come_from_the_plugin_settings()
    {
        var settings = new OneCExchangeSettings
        {
            OrderSchemaVersion = "2.10",
            OrderEncoding = "windows-1251",
            ExportOrderStatusIds = [(int)OrderStatus.Processing, (int)OrderStatus.Complete],
            ExportPaidOrdersOnly = true,
            ExportOrdersFromUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            InnCustomerAttributeName = " ИНН ",
            KppCustomerAttributeName = "",
            OrderStatusMappings = "Выполнен=Complete",
            NotifyCustomerOnStatusChange = false,
            MaxOrdersPerQuery = 10_000,
        };

        var options = await new SettingsOrderExchangeOptionsProvider(settings).GetAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(options.OrderSchemaVersion, Is.EqualTo("2.10"));
            Assert.That(options.OrderEncoding, Is.EqualTo("windows-1251"));
            Assert.That(options.ExportOrderStatusIds, Is.EqualTo(settings.ExportOrderStatusIds));
            Assert.That(options.ExportPaidOrdersOnly, Is.True);
            Assert.That(options.ExportOrdersFromUtc, Is.EqualTo(settings.ExportOrdersFromUtc));
            Assert.That(options.InnCustomerAttributeName, Is.EqualTo("ИНН"));
            Assert.That(options.KppCustomerAttributeName, Is.Null, "an empty setting means the store does not collect it");
            Assert.That(options.OrderStatusMappings, Is.EqualTo("Выполнен=Complete"));
            Assert.That(options.NotifyCustomerOnStatusChange, Is.False);
            Assert.That(options.MaxOrdersPerQuery, Is.EqualTo(10_000), "the cap is the configure page's setting");
        });
    }

    [Test]
    public void The_ports_are_registered_for_the_store()
    {
        var services = new ServiceCollection().AddOneCOrderServices();

        Assert.Multiple(() =>
        {
            Assert.That(services.Single(s => s.ServiceType == typeof(IOrderSource)).ImplementationType, Is.EqualTo(typeof(NopOrderSource)));
            Assert.That(services.Single(s => s.ServiceType == typeof(IOrderChangeSink)).ImplementationType, Is.EqualTo(typeof(NopOrderChangeSink)));
            Assert.That(services.Single(s => s.ServiceType == typeof(IOrderExchangeOptionsProvider)).ImplementationType,
                Is.EqualTo(typeof(SettingsOrderExchangeOptionsProvider)));
            Assert.That(services.All(s => s.Lifetime == ServiceLifetime.Scoped), "per request, as nopCommerce's own services");
        });
    }
}
