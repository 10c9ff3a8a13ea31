using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Services.Helpers;
using Nop.Services.Messages;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Services.Shipping;

namespace OneCExchange.Tests.PluginOrders.Fakes;

/// <summary>Time zone, payment plugins, shipping methods and customer notifications of the fake store.</summary>
public sealed class FakePlatformServices(FakeNopStore store) :
    IDateTimeHelper, IPaymentPluginManager, IShippingMethodsService, IWorkflowMessageService
{
    public TimeZoneInfo DefaultStoreTimeZone { get; set; } = TimeZoneInfo.CreateCustomTimeZone("MSK", TimeSpan.FromHours(3), "MSK", "MSK");

    public List<(string Kind, Order Order)> Notifications { get; } = [];

    /// <summary>The admin's time zone in the fake: two hours ahead of UTC.</summary>
    public Task<DateTime> ConvertToUserTimeAsync(DateTime dt, DateTimeKind sourceDateTimeKind) =>
        Task.FromResult(sourceDateTimeKind == DateTimeKind.Utc ? dt.AddHours(2) : dt);

    public Task<IPaymentMethod> LoadPluginBySystemNameAsync(string systemName, Nop.Core.Domain.Customers.Customer? customer = null, int storeId = 0) =>
        Task.FromResult<IPaymentMethod>(store.PaymentMethods.FirstOrDefault(m => m.PluginDescriptor.SystemName == systemName)!);

    public Task<IList<IPaymentMethod>> LoadActivePluginsAsync(Nop.Core.Domain.Customers.Customer? customer = null, int storeId = 0, int countryId = 0) =>
        Task.FromResult<IList<IPaymentMethod>>(store.PaymentMethods.ToList<IPaymentMethod>());

    public Task<IList<ShippingMethod>> GetAllShippingMethodsAsync(int? filterByCountryId = null) =>
        Task.FromResult<IList<ShippingMethod>>(store.ShippingMethods.ToList());

    public Task<IList<int>> SendOrderProcessingCustomerNotificationAsync(Order order, int languageId,
        string? attachmentFilePath = null, string? attachmentFileName = null)
    {
        Notifications.Add(("processing", order));
        return Task.FromResult<IList<int>>([1]);
    }

    public Task<IList<int>> SendOrderCompletedCustomerNotificationAsync(Order order, int languageId,
        string? attachmentFilePath = null, string? attachmentFileName = null)
    {
        Notifications.Add(("completed", order));
        return Task.FromResult<IList<int>>([1]);
    }
}

public sealed class FakePaymentMethod : IPaymentMethod
{
    public FakePaymentMethod(string systemName, string friendlyName)
    {
        PluginDescriptor = new PluginDescriptor { SystemName = systemName };
        FriendlyName = friendlyName;
    }

    /// <summary>The name nopCommerce's localization service returns for the plugin (its plugin.json FriendlyName).</summary>
    public string FriendlyName { get; }

    public PluginDescriptor PluginDescriptor { get; set; }

    public string GetConfigurationPageUrl() => throw new NotSupportedException();
    public Task InstallAsync() => throw new NotSupportedException();
    public Task UninstallAsync() => throw new NotSupportedException();
}
