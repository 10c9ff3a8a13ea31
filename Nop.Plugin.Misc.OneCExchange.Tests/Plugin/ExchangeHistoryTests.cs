using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using NUnit.Framework;
using OneCExchange.Tests.Fakes;
using Nop.Core.Domain.Common;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Controllers;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Factories;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Services.Helpers;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;
using Nop.Web.Framework.Mvc.ModelBinding;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Plugin.Exchange;

namespace OneCExchange.Tests.Plugin;

public partial class ExchangeHistoryTests
{
    private static readonly TimeSpan UserOffset = TimeSpan.FromHours(3);
    private static readonly DateTime Start = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private InMemoryRepository<OneCExchangeLogRecord> _records = null!;
    private InMemoryRepository<OneCExchangeLogEntry> _entries = null!;
    private FakeLocalizationService _localization = null!;
    private ExchangeHistoryModelFactory _factory = null!;

    [SetUp]
    public void SetUp()
    {
        _records = new InMemoryRepository<OneCExchangeLogRecord>();
        _entries = new InMemoryRepository<OneCExchangeLogEntry>();
        _localization = new FakeLocalizationService();
        _factory = new ExchangeHistoryModelFactory(new AdminAreaSettings { DefaultGridPageSize = 15, GridPageSizes = "15, 50, 100" },
            new ShiftingDateTimeHelper(UserOffset), _localization, _entries, _records, new ExchangeMessageLocalizer(_localization));
    }

    [Test]
    public async Task The_grid_lists_sessions_newest_first_a_page_at_a_time()
    {
        // Inserted out of start order: the grid orders by start, not by insertion.
        foreach (var minutes in new[] { 30, 5, 55, 10, 45, 0, 20, 50, 15, 40, 25, 35 })
            await _records.InsertAsync(Record($"s{minutes}", ExchangeType.Catalog, Start.AddMinutes(minutes)));
        var expected = _records.Rows.OrderByDescending(r => r.StartedOnUtc).Select(r => r.Id).ToList();

        var first = await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel { Start = 0, Length = 5, Draw = "7" });
        var third = await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel { Start = 10, Length = 5 });

        Assert.Multiple(() =>
        {
            Assert.That(first.Data.Select(s => s.Id), Is.EqualTo(expected.Take(5)));
            Assert.That(third.Data.Select(s => s.Id), Is.EqualTo(expected.Skip(10)));
            Assert.That(first.RecordsTotal, Is.EqualTo(_records.Rows.Count));
            Assert.That(first.RecordsFiltered, Is.EqualTo(_records.Rows.Count));
            Assert.That(first.Draw, Is.EqualTo("7"));
        });
    }

    [TestCase(ExchangeType.Catalog)]
    [TestCase(ExchangeType.Sale)]
    public async Task The_grid_filters_by_exchange_type(ExchangeType type)
    {
        await SeedMixedSessionsAsync();

        var list = await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel { SearchTypeId = (int)type, Length = 100 });

        var expected = _records.Rows.Where(r => r.TypeId == (int)type).Select(r => r.Id).ToList();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(list.Data.Select(s => s.Id), Is.EquivalentTo(expected));
        Assert.That(list.RecordsTotal, Is.EqualTo(expected.Count));
    }

    [Test]
    public async Task Without_a_type_the_grid_shows_every_session_even_an_invalid_one()
    {
        await SeedMixedSessionsAsync();

        var list = await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel { Length = 100 });

        Assert.That(list.Data.Select(s => s.Id), Is.EquivalentTo(_records.Rows.Select(r => r.Id)));
        Assert.That(list.Data.Single(s => s.Id == _records.Rows.Single(r => r.TypeId == -1).Id).Type,
            Is.EqualTo("Plugins.Misc.OneCExchange.History.Type.Unknown"));
    }

    [Test]
    public async Task Only_with_errors_keeps_sessions_with_failed_requests_or_failed_items()
    {
        await SeedMixedSessionsAsync();

        var list = await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel { SearchOnlyWithErrors = true, Length = 100 });
        var catalogOnly = await _factory.PrepareExchangeSessionListModelAsync(
            new ExchangeSessionSearchModel { SearchOnlyWithErrors = true, SearchTypeId = (int)ExchangeType.Catalog, Length = 100 });

        var expected = _records.Rows.Where(r => r.ErrorCount > 0 || r.ItemsFailed > 0).ToList();
        Assert.That(expected.Select(r => r.SessionId), Is.EquivalentTo(new[] { "failed-request", "failed-item" }));
        Assert.That(list.Data.Select(s => s.Id), Is.EquivalentTo(expected.Select(r => r.Id)));
        Assert.That(catalogOnly.Data.Select(s => s.Id),
            Is.EquivalentTo(expected.Where(r => r.TypeId == (int)ExchangeType.Catalog).Select(r => r.Id)));
    }

    [Test]
    public async Task A_grid_row_shows_the_session_in_the_admin_time_zone_with_its_counts()
    {
        var record = Record("abc", ExchangeType.Sale, Start);
        record.LastRequestOnUtc = Start.AddMinutes(2);
        record.RemoteAddress = "10.0.0.5";
        record.RequestCount = 6;
        record.FileCount = 2;
        record.BytesReceived = 123_456;
        record.ItemsCreated = 3;
        record.ItemsUpdated = 4;
        record.ItemsFailed = 1;
        record.WarningCount = 5;
        record.ErrorCount = 1;
        record.DurationMs = 65_250;
        record.LastMessage = null;
        await _records.InsertAsync(record);

        var row = (await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel())).Data.Single();

        Assert.Multiple(() =>
        {
            Assert.That(row.StartedOn, Is.EqualTo(record.StartedOnUtc + UserOffset));
            Assert.That(row.LastRequestOn, Is.EqualTo(record.LastRequestOnUtc + UserOffset));
            Assert.That(row.Type, Is.EqualTo("Plugins.Misc.OneCExchange.History.Type.Sale"));
            Assert.That(row.RemoteAddress, Is.EqualTo(record.RemoteAddress));
            Assert.That((row.RequestCount, row.FileCount, row.BytesReceived), Is.EqualTo((record.RequestCount, record.FileCount, record.BytesReceived)));
            Assert.That((row.ItemsCreated, row.ItemsUpdated, row.ItemsFailed), Is.EqualTo((record.ItemsCreated, record.ItemsUpdated, record.ItemsFailed)));
            Assert.That((row.WarningCount, row.ErrorCount), Is.EqualTo((record.WarningCount, record.ErrorCount)));
            Assert.That(row.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(record.DurationMs).ToString(@"hh\:mm\:ss\.fff")));
            Assert.That(row.LastMessage, Is.Empty);
        });
    }

    [Test]
    public async Task A_session_longer_than_a_day_shows_its_days()
    {
        var record = Record("long", ExchangeType.Catalog, Start);
        record.DurationMs = (long)new TimeSpan(1, 2, 3, 4, 5).TotalMilliseconds;
        await _records.InsertAsync(record);

        var row = (await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel())).Data.Single();

        Assert.That(row.Duration, Is.EqualTo("1.02:03:04.005"));
    }

    [Test]
    public async Task The_search_model_takes_the_admin_grid_size_and_offers_every_type()
    {
        var model = await _factory.PrepareExchangeSessionSearchModelAsync(new ExchangeSessionSearchModel());

        Assert.Multiple(() =>
        {
            Assert.That(model.PageSize, Is.EqualTo(15));
            Assert.That(model.AvailablePageSizes, Is.EqualTo("15, 50, 100"));
            Assert.That(model.AvailableTypes.Select(t => t.Value),
                Is.EqualTo(new[] { "" }.Concat(Enum.GetValues<ExchangeType>().Select(t => ((int)t).ToString()))));
        });
    }

    [Test]
    public async Task Every_resource_the_factory_asks_for_exists()
    {
        await SeedMixedSessionsAsync();
        foreach (var outcome in Enum.GetValues<ExchangeOutcome>().Cast<int>().Append(99))
        {
            var entry = Entry("failed-request", "import", Start);
            entry.OutcomeId = outcome;
            await _entries.InsertAsync(entry);
        }

        await _factory.PrepareExchangeSessionSearchModelAsync(new ExchangeSessionSearchModel());
        await _factory.PrepareExchangeSessionListModelAsync(new ExchangeSessionSearchModel { Length = 100 });
        await _factory.PrepareExchangeRequestListModelAsync(
            new ExchangeRequestSearchModel { SessionRecordId = _records.Rows.Single(r => r.SessionId == "failed-request").Id, Length = 100 });

        var english = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);
        var own = _localization.RequestedKeys.Where(k => k.StartsWith(OneCExchangeDefaults.LocaleResourcePrefix)).Distinct().ToList();
        Assert.That(own, Has.Count.EqualTo(Enum.GetValues<ExchangeType>().Length + 1 + Enum.GetValues<ExchangeOutcome>().Length + 1));
        Assert.That(own.Where(k => !english.ContainsKey(k)), Is.Empty);
    }

    [Test]
    public void Every_history_label_and_hint_exists()
    {
        var english = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);
        var labels = HistoryModels.SelectMany(t => t.GetProperties())
            .SelectMany(p => p.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(NopResourceDisplayNameAttribute))
            .Select(a => (string)a.ConstructorArguments[0].Value!)
            .Distinct()
            .ToList();

        Assert.That(labels, Is.Not.Empty);
        Assert.That(labels.Concat(labels.Select(l => l + ".Hint")).Where(k => !english.ContainsKey(k)), Is.Empty);
    }

    [TestCase("History.cshtml")]
    [TestCase("HistoryDetails.cshtml")]
    [TestCase("Configure.cshtml")]
    public void A_view_names_only_existing_resources(string view)
    {
        var english = LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);
        var text = File.ReadAllText(Path.Combine(PluginPaths.ProjectDir, "Views", view));
        var keys = PluginResource().Matches(text).Select(m => m.Groups["key"].Value).ToList();

        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys.Where(k => !english.ContainsKey(k)), Is.Empty);
    }

    [Test]
    public void The_configure_page_links_to_the_history()
    {
        var text = File.ReadAllText(Path.Combine(PluginPaths.ProjectDir, "Views", "Configure.cshtml"));

        Assert.That(text, Does.Contain($"asp-action=\"{nameof(OneCExchangeAdminController.History)}\""));
    }

    [TestCase("History.cshtml")]
    [TestCase("HistoryDetails.cshtml")]
    public void A_view_names_only_existing_model_properties(string view)
    {
        // Views are compiled by the store at run time only: a misspelt column or field would first fail there.
        var text = File.ReadAllText(Path.Combine(PluginPaths.ProjectDir, "Views", view));
        var modelType = HistoryModels.Single(t => t.Name == ModelDirective().Match(text).Groups["type"].Value);

        var columns = NameOf().Matches(text).Select(m => (Type: m.Groups["type"].Value, Property: m.Groups["property"].Value)).ToList();
        var fields = AspFor().Matches(text).Select(m => m.Groups["path"].Value).ToList();

        Assert.That(columns, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (type, property) in columns)
            {
                var owner = type == "Model" ? modelType : HistoryModels.SingleOrDefault(t => t.Name == type);
                Assert.That(owner?.GetProperty(property), Is.Not.Null, $"nameof({type}.{property})");
            }
            foreach (var path in fields)
                Assert.That(ResolvePath(modelType, path), Is.Not.Null, $"asp-for=\"{path}\"");
        });
    }

    [TestCase(nameof(OneCExchangeAdminController.History), false)]
    [TestCase(nameof(OneCExchangeAdminController.HistoryList), true)]
    [TestCase(nameof(OneCExchangeAdminController.HistoryDetails), false)]
    [TestCase(nameof(OneCExchangeAdminController.HistoryRequestList), true)]
    public void A_history_action_needs_the_plugin_management_permission(string actionName, bool postOnly)
    {
        var action = typeof(OneCExchangeAdminController).GetMethod(actionName)!;
        var permissions = action.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(CheckPermissionAttribute))
            .Select(a => (string)a.ConstructorArguments[0].Value!)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(permissions, Is.EqualTo(new[] { StandardPermission.Configuration.MANAGE_PLUGINS }));
            Assert.That(action.IsVirtual && action.IsPublic, Is.True);
            Assert.That(action.ReturnType, Is.EqualTo(typeof(Task<IActionResult>)));
            Assert.That(action.GetCustomAttributesData().Any(a => a.AttributeType == typeof(HttpPostAttribute)), Is.EqualTo(postOnly));
        });
    }

    [Test]
    public void The_history_controller_is_an_admin_controller()
    {
        var attributes = typeof(OneCExchangeAdminController).GetCustomAttributesData();

        Assert.Multiple(() =>
        {
            Assert.That(attributes.Any(a => a.AttributeType == typeof(AuthorizeAdminAttribute)), Is.True);
            Assert.That(attributes.Any(a => a.AttributeType == typeof(AutoValidateAntiforgeryTokenAttribute)), Is.True);
            Assert.That(attributes.Where(a => a.AttributeType == typeof(AreaAttribute)).Select(a => a.ConstructorArguments[0].Value),
                Is.EqualTo(new[] { AreaNames.ADMIN }));
        });
    }

    private static readonly Type[] HistoryModels =
    [
        typeof(ExchangeSessionSearchModel), typeof(ExchangeSessionModel), typeof(ExchangeSessionListModel), typeof(ExchangeSessionDetailsModel),
        typeof(ExchangeRequestSearchModel), typeof(ExchangeRequestModel), typeof(ExchangeRequestListModel)
    ];

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

    private async Task SeedMixedSessionsAsync()
    {
        await _records.InsertAsync(Record("catalog-ok", ExchangeType.Catalog, Start));
        await _records.InsertAsync(Record("sale-ok", ExchangeType.Sale, Start.AddMinutes(1)));
        var failedRequest = Record("failed-request", ExchangeType.Sale, Start.AddMinutes(2));
        failedRequest.ErrorCount = 2;
        await _records.InsertAsync(failedRequest);
        var failedItem = Record("failed-item", ExchangeType.Catalog, Start.AddMinutes(3));
        failedItem.ItemsFailed = 1;
        await _records.InsertAsync(failedItem);
        var warningsOnly = Record("warnings-only", ExchangeType.Catalog, Start.AddMinutes(4));
        warningsOnly.WarningCount = 3;
        await _records.InsertAsync(warningsOnly);
        var invalid = Record("no-type", ExchangeType.Catalog, Start.AddMinutes(5));
        invalid.TypeId = -1;
        await _records.InsertAsync(invalid);
    }

    private static OneCExchangeLogRecord Record(string sessionId, ExchangeType type, DateTime startedOnUtc) => new()
    {
        SessionId = sessionId,
        TypeId = (int)type,
        StartedOnUtc = startedOnUtc,
        LastRequestOnUtc = startedOnUtc,
        RequestCount = 1,
        LastMessage = "success"
    };

    private static OneCExchangeLogEntry Entry(string? sessionId, string mode, DateTime startedOnUtc) => new()
    {
        SessionId = sessionId,
        Mode = mode,
        StartedOnUtc = startedOnUtc,
        OutcomeId = (int)ExchangeOutcome.Success
    };

    [GeneratedRegex(@"""(?<key>Plugins\.Misc\.OneCExchange\.[A-Za-z0-9.]*[A-Za-z0-9])""")]
    private static partial Regex PluginResource();

    [GeneratedRegex(@"^@model (?<type>\w+)", RegexOptions.Multiline)]
    private static partial Regex ModelDirective();

    [GeneratedRegex(@"nameof\((?<type>\w+)\.(?<property>\w+)\)")]
    private static partial Regex NameOf();

    [GeneratedRegex(@"asp-for=""(?<path>[\w.]+)""")]
    private static partial Regex AspFor();

    /// <summary>Converts to the admin's time zone by a fixed offset.</summary>
    private sealed class ShiftingDateTimeHelper(TimeSpan offset) : IDateTimeHelper
    {
        public Task<DateTime> ConvertToUserTimeAsync(DateTime dt, DateTimeKind sourceDateTimeKind) =>
            Task.FromResult(DateTime.SpecifyKind(dt + offset, DateTimeKind.Unspecified));

        public TimeZoneInfo DefaultStoreTimeZone => throw new NotSupportedException();
    }
}
