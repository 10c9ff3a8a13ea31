using System.Reflection;
using System.Text.RegularExpressions;
using AutoMapper;
using Microsoft.AspNetCore.Mvc;
using Nop.Services.Cms;
using Nop.Services.Common;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Components;
using Nop.Plugin.Misc.OneCExchange.Controllers;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;
using OneCExchange.Tests.Plugin;
using PluginMapperProfile = Nop.Plugin.Misc.OneCExchange.Infrastructure.Mapper.MapperConfiguration;

namespace OneCExchange.Tests.Review;

/// <summary>
/// The store compiles the plugin's views only at run time: these tests catch, from the view text, the mistakes that
/// would first show as a broken admin page there (a misspelt property, action, view path or a grid without a token).
/// </summary>
public partial class ViewContractTests
{
    private static readonly Assembly PluginAssembly = typeof(OneCExchangePlugin).Assembly;

    private static string ViewsDir => Path.Combine(PluginPaths.ProjectDir, "Views");

    private static IEnumerable<string> PageViews() =>
        Directory.EnumerateFiles(ViewsDir, "*.cshtml").Select(Path.GetFileName).Where(f => !f!.StartsWith('_')).Order()!;

    [TestCaseSource(nameof(PageViews))]
    public void A_view_names_only_existing_model_properties(string view)
    {
        var text = File.ReadAllText(Path.Combine(ViewsDir, view));
        var modelType = ModelTypeOf(text);

        var paths = AspFor().Matches(text).Select(m => m.Groups["path"].Value)
            .Concat(ModelMember().Matches(text).Select(m => m.Groups["path"].Value))
            .Distinct()
            .ToList();

        Assert.That(paths, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var path in paths)
                Assert.That(ResolvePath(modelType, path), Is.Not.Null, $"{view}: {path} on {modelType.Name}");
        });
    }

    [TestCaseSource(nameof(PageViews))]
    public void A_view_links_only_to_existing_actions(string view)
    {
        var text = File.ReadAllText(Path.Combine(ViewsDir, view));
        var targets = TagWithAction().Matches(text)
            .Select(m => (Controller: AspController().Match(m.Value).Groups["name"].Value, Action: AspAction().Match(m.Value).Groups["name"].Value))
            .ToList();

        // Every asp-action of the view is checked, and every admin page links somewhere (the order card links nowhere).
        Assert.That(targets, Has.Count.EqualTo(AspAction().Count(text)), $"{view}: an asp-action the tag pattern missed");
        if (view != OrderCardView)
            Assert.That(targets, Is.Not.Empty, $"{view}: no asp-action");
        Assert.Multiple(() =>
        {
            foreach (var (controller, action) in targets)
            {
                Assert.That(controller, Is.Not.Empty, $"{view}: asp-action=\"{action}\" without asp-controller");
                Assert.That(Actions(controller), Does.Contain(action), $"{view}: {controller}.{action}");
            }
        });
    }

    [TestCaseSource(nameof(PageViews))]
    public void A_grid_reads_from_an_existing_post_action(string view)
    {
        var text = File.ReadAllText(Path.Combine(ViewsDir, view));
        var urls = DataUrlAction().Matches(text);

        Assert.That(urls, Has.Count.EqualTo(GridPartial().Count(text)), $"{view}: every grid reads from one DataUrl(action, controller)");
        Assert.Multiple(() =>
        {
            foreach (Match url in urls)
            {
                var controller = ControllerType(url.Groups["controller"].Value);
                var action = controller?.GetMethods().Where(m => m.Name == url.Groups["action"].Value).ToList() ?? [];
                Assert.That(action, Is.Not.Empty, $"{view}: {url.Value}");
                // Table.cshtml reads with type: 'POST'.
                Assert.That(action.Any(m => m.IsDefined(typeof(HttpPostAttribute))), Is.True, $"{view}: {url.Value} is not [HttpPost]");
            }
        });
    }

    [TestCaseSource(nameof(PageViews))]
    public void A_grid_sits_in_a_post_form_that_carries_the_antiforgery_token(string view)
    {
        // The grid's POST sends the page's __RequestVerificationToken (admin.common.js addAntiForgeryToken), and the
        // admin controller validates it: the token must come from a form of the page itself.
        var text = File.ReadAllText(Path.Combine(ViewsDir, view));
        var grid = text.IndexOf("PartialAsync(\"Table\"", StringComparison.Ordinal);
        if (grid < 0)
            Assert.Pass($"{view} has no grid");

        var form = PostForm().Match(text);
        Assert.That(form.Success, Is.True, $"{view}: no <form asp-controller=... asp-action=... method=\"post\">");
        Assert.That(form.Index, Is.LessThan(grid));
        Assert.That(text.IndexOf("</form>", grid, StringComparison.Ordinal), Is.GreaterThan(grid));
    }

    [Test]
    public void Every_view_the_code_renders_exists_and_is_packaged()
    {
        var sources = Directory.EnumerateFiles(PluginPaths.ProjectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"));
        var viewPaths = sources.SelectMany(f => PluginViewPath().Matches(File.ReadAllText(f)).Select(m => m.Groups["file"].Value))
            .Distinct()
            .ToList();

        Assert.That(viewPaths, Does.Contain("Configure.cshtml").And.Contain("OrderOneCInfo.cshtml"));
        Assert.Multiple(() =>
        {
            foreach (var file in viewPaths)
            {
                Assert.That(File.Exists(Path.Combine(ViewsDir, file)), Is.True, $"Views/{file} missing from the project");
                Assert.That(File.Exists(Path.Combine(PluginPaths.OutputDir, "Views", file)), Is.True, $"Views/{file} not copied to the plugin folder");
            }
        });
    }

    [Test]
    public void The_view_paths_name_the_plugin_folder()
    {
        // nopCommerce deploys the plugin to Plugins/<SystemName>; "~/Plugins/<SystemName>/Views/..." must match it.
        var sources = Directory.EnumerateFiles(PluginPaths.ProjectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"));
        var folders = sources.SelectMany(f => AnyPluginViewPath().Matches(File.ReadAllText(f)).Select(m => m.Groups["folder"].Value)).Distinct();

        Assert.That(folders, Is.EqualTo(new[] { OneCExchangeDefaults.SystemName }));
    }

    [Test]
    public void The_history_view_button_opens_the_details_route()
    {
        // RenderButtonView appends the row id to its URL (Table.cshtml: GetUrl(url) + data).
        var history = File.ReadAllText(Path.Combine(ViewsDir, "History.cshtml"));
        var routes = File.ReadAllText(Path.Combine(PluginPaths.ProjectDir, "Infrastructure", "RouteProvider.cs"));
        var button = ButtonViewUrl().Match(history);
        var detailsRoute = DetailsRoutePattern().Match(routes);

        Assert.That(button.Success && detailsRoute.Success, Is.True);
        Assert.That(detailsRoute.Groups["pattern"].Value, Does.StartWith(button.Groups["url"].Value.TrimStart('~', '/').TrimEnd('/') + "/{id"));
    }

    [Test]
    public void The_order_widget_takes_the_arguments_the_admin_widget_zone_passes()
    {
        // AdminWidgetViewComponent invokes the plugin's component with named arguments widgetZone and additionalData.
        var component = typeof(OrderOneCInfoViewComponent);
        var invoke = component.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name is "InvokeAsync" or "Invoke").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(component.IsSubclassOf(typeof(NopViewComponent)), Is.True);
            Assert.That(Uninitialized().GetWidgetViewComponent(AdminWidgetZones.OrderDetailsBlock), Is.EqualTo(component));
            Assert.That(invoke, Has.Count.EqualTo(1));
            Assert.That(invoke[0].GetParameters().Select(p => (p.Name, p.ParameterType)),
                Is.EqualTo(new[] { ("widgetZone", typeof(string)), ("additionalData", typeof(object)) }));
            Assert.That(invoke[0].ReturnType, Is.EqualTo(typeof(Task<IViewComponentResult>)));
        });
    }

    [Test]
    public void A_multi_select_gets_the_list_type_its_editor_template_declares()
    {
        // nop-select asp-multiple renders the admin's MultiSelect/MultiSelectString templates, declared
        // "@model List<int>" / "@model List<string>": any other collection fails the page at run time.
        var text = File.ReadAllText(Path.Combine(ViewsDir, "Configure.cshtml"));
        var properties = MultiSelect().Matches(text).Select(m => typeof(ConfigurationModel).GetProperty(m.Groups["path"].Value)!).ToList();
        var mapper = new MapperConfiguration(c => c.AddProfile<PluginMapperProfile>()).CreateMapper();
        var fromSettings = mapper.Map<ConfigurationModel>(new OneCExchangeSettings { ExportOrderStatusIds = [10, 20] });

        Assert.That(properties, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var property in properties)
                foreach (var model in new[] { new ConfigurationModel(), fromSettings })
                    Assert.That(property.GetValue(model)?.GetType(), Is.EqualTo(typeof(List<int>)).Or.EqualTo(typeof(List<string>)), property.Name);
        });
    }

    [Test]
    public void The_configure_page_is_a_misc_plugins_page()
    {
        // _ConfigurePlugin picks the title, active menu and back link by the plugin's kind, checking
        // "IWidgetPlugin with !HideInWidgetList" before IMiscPlugin.
        object plugin = Uninitialized();
        var takenForWidget = plugin is IWidgetPlugin { HideInWidgetList: false };

        Assert.That(!takenForWidget && plugin is IMiscPlugin, Is.True, "_ConfigurePlugin would title the page \"Configure widget\"");
    }

    private const string OrderCardView = "OrderOneCInfo.cshtml";

    private static OneCExchangePlugin Uninitialized() =>
        (OneCExchangePlugin)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(OneCExchangePlugin));

    private static Type ModelTypeOf(string view)
    {
        var name = ModelDirective().Match(view).Groups["type"].Value;
        Assert.That(name, Is.Not.Empty, "no @model");
        var type = PluginAssembly.GetType(name)
            ?? PluginAssembly.GetTypes().SingleOrDefault(t => t.Name == name && t.Namespace == "Nop.Plugin.Misc.OneCExchange.Models");
        Assert.That(type, Is.Not.Null, $"@model {name}");
        return type!;
    }

    private static Type? ControllerType(string controller) =>
        PluginAssembly.GetTypes().SingleOrDefault(t => t.Name == controller + "Controller" && typeof(Controller).IsAssignableFrom(t));

    private static IEnumerable<string> Actions(string controller) =>
        ControllerType(controller)?.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType == ControllerType(controller)).Select(m => m.Name)
        ?? [];

    private static PropertyInfo? ResolvePath(Type type, string path)
    {
        PropertyInfo? property = null;
        foreach (var name in path.Split('.'))
        {
            property = type.GetProperty(name);
            if (property is null)
                return null;
            type = property.PropertyType;
        }
        return property;
    }

    [GeneratedRegex(@"^@model (?<type>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex ModelDirective();

    [GeneratedRegex(@"asp-for=""(?<path>[\w.]+)""")]
    private static partial Regex AspFor();

    [GeneratedRegex(@"<nop-select asp-for=""(?<path>\w+)""[^<>]*asp-multiple=""true""")]
    private static partial Regex MultiSelect();

    // Model.X or Model.X.Y, not followed by a method call.
    [GeneratedRegex(@"\bModel\.(?<path>[A-Z]\w*(?:\.[A-Z]\w*)*)(?![\w(])")]
    private static partial Regex ModelMember();

    [GeneratedRegex(@"<[a-z][^<>]*\basp-action=""[^""]*""[^<>]*>")]
    private static partial Regex TagWithAction();

    [GeneratedRegex(@"\basp-controller=""(?<name>[^""]*)""")]
    private static partial Regex AspController();

    [GeneratedRegex(@"\basp-action=""(?<name>[^""]*)""")]
    private static partial Regex AspAction();

    [GeneratedRegex(@"new DataUrl\(""(?<action>\w+)"",\s*""(?<controller>\w+)""")]
    private static partial Regex DataUrlAction();

    [GeneratedRegex(@"PartialAsync\(""Table""")]
    private static partial Regex GridPartial();

    [GeneratedRegex(@"<form\b[^<>]*\basp-controller=""\w+""[^<>]*\basp-action=""\w+""[^<>]*\bmethod=""post""[^<>]*>")]
    private static partial Regex PostForm();

    [GeneratedRegex(@"""~/Plugins/Misc\.OneCExchange/Views/(?<file>[\w/]+\.cshtml)""")]
    private static partial Regex PluginViewPath();

    [GeneratedRegex(@"""~/Plugins/(?<folder>[^/""]+)/Views/")]
    private static partial Regex AnyPluginViewPath();

    [GeneratedRegex(@"RenderButtonView\(new DataUrl\(""(?<url>[^""]+)""\)\)")]
    private static partial Regex ButtonViewUrl();

    [GeneratedRegex(@"HistoryDetailsRouteName,\s*pattern: ""(?<pattern>[^""]+)""")]
    private static partial Regex DetailsRoutePattern();
}
