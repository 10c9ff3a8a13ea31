using NUnit.Framework;
using OneCExchange.Tests.Fakes;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Controllers;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Services.Admin;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Menu;

namespace OneCExchange.Tests.Plugin;

public class ExchangeHistoryMenuTests
{
    [Test]
    public async Task The_menu_item_opens_the_history_page_with_a_localized_title()
    {
        var localization = new FakeLocalizationService();
        var consumer = new ExposedConsumer(localization, new RecordingPermissionService(true));

        var item = await consumer.MenuItemAsync();

        var english = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);
        Assert.Multiple(() =>
        {
            Assert.That(item.SystemName, Is.EqualTo(OneCExchangeDefaults.HistoryMenuSystemName));
            Assert.That(item.Url, Is.EqualTo($"/Admin/OneCExchangeAdmin/{nameof(OneCExchangeAdminController.History)}"));
            Assert.That(item.Visible, Is.True);
            Assert.That(localization.RequestedKeys, Is.Not.Empty);
            Assert.That(localization.RequestedKeys.Where(k => !english.ContainsKey(k)), Is.Empty);
            Assert.That(item.Title, Is.EqualTo(localization.RequestedKeys.Single()));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Only_those_who_manage_plugins_see_the_menu_item(bool allowed)
    {
        var permissions = new RecordingPermissionService(allowed);
        var consumer = new ExposedConsumer(new FakeLocalizationService(), permissions);

        Assert.That(await consumer.AccessAsync(), Is.EqualTo(allowed));
        Assert.That(permissions.Asked, Is.EqualTo(new[] { StandardPermission.Configuration.MANAGE_PLUGINS }));
    }

    [TestCase("History.cshtml")]
    [TestCase("HistoryDetails.cshtml")]
    public void The_history_pages_light_up_the_menu_item(string view)
    {
        var text = File.ReadAllText(Path.Combine(PluginPaths.ProjectDir, "Views", view));

        Assert.That(text, Does.Contain($"NopHtml.SetActiveMenuItemSystemName(OneCExchangeDefaults.{nameof(OneCExchangeDefaults.HistoryMenuSystemName)})"));
    }

    private sealed class ExposedConsumer(FakeLocalizationService localization, IPermissionService permissions)
        : HistoryMenuEventConsumer(new RouteLikeAdminMenu(), localization, permissions, new NoPluginManager())
    {
        public Task<AdminMenuItem> MenuItemAsync() => GetAdminMenuItemAsync(null!);

        public Task<bool> AccessAsync() => CheckAccessAsync();
    }

    private sealed class RouteLikeAdminMenu : IAdminMenu
    {
        public string GetMenuItemUrl(string controllerName, string actionName) => $"/Admin/{controllerName}/{actionName}";
    }

    private sealed class RecordingPermissionService(bool allowed) : IPermissionService
    {
        public List<string> Asked { get; } = [];

        public Task<bool> AuthorizeAsync(string permissionRecordSystemName)
        {
            Asked.Add(permissionRecordSystemName);
            return Task.FromResult(allowed);
        }
    }

    private sealed class NoPluginManager : IPluginManager<IPlugin>
    {
        public Task<IPlugin> LoadPluginBySystemNameAsync(string systemName, Customer? customer = null, int storeId = 0) =>
            throw new NotSupportedException();
    }
}
