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
/// <summary>The history's details page: one session and the grid of its requests.</summary>
public partial class ExchangeHistoryTests
{
    [Test]
    public async Task The_details_page_shows_the_session_and_prepares_its_requests_grid()
    {
        await SeedMixedSessionsAsync();
        var record = _records.Rows.Single(r => r.SessionId == "failed-request");

        var details = await _factory.PrepareExchangeSessionDetailsModelAsync(record.Id);

        Assert.That(details, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(details!.Session.Id, Is.EqualTo(record.Id));
            Assert.That(details.Session.ErrorCount, Is.EqualTo(record.ErrorCount));
            Assert.That(details.Session.StartedOn, Is.EqualTo(record.StartedOnUtc + UserOffset));
            Assert.That(details.RequestSearchModel.SessionRecordId, Is.EqualTo(record.Id));
            Assert.That(details.RequestSearchModel.PageSize, Is.EqualTo(15));
        });
    }

    [Test]
    public async Task An_unknown_session_has_no_details()
    {
        await SeedMixedSessionsAsync();

        Assert.That(await _factory.PrepareExchangeSessionDetailsModelAsync(_records.Rows.Max(r => r.Id) + 1), Is.Null);
    }

    [Test]
    public async Task The_requests_grid_lists_only_the_session_requests_in_the_order_they_came()
    {
        await _records.InsertAsync(Record("mine", ExchangeType.Catalog, Start));
        await _records.InsertAsync(Record("other", ExchangeType.Catalog, Start));
        var modes = new[] { "checkauth", "init", "file", "import", "import", "success" };
        for (var i = modes.Length - 1; i >= 0; i--)
            await _entries.InsertAsync(Entry("mine", modes[i], Start.AddSeconds(i)));
        await _entries.InsertAsync(Entry("other", "checkauth", Start));
        await _entries.InsertAsync(Entry(null, "checkauth", Start));
        var mine = _records.Rows.Single(r => r.SessionId == "mine");

        var first = await _factory.PrepareExchangeRequestListModelAsync(new ExchangeRequestSearchModel { SessionRecordId = mine.Id, Start = 0, Length = 4 });
        var second = await _factory.PrepareExchangeRequestListModelAsync(new ExchangeRequestSearchModel { SessionRecordId = mine.Id, Start = 4, Length = 4 });

        Assert.Multiple(() =>
        {
            Assert.That(first.Data.Concat(second.Data).Select(r => r.Mode), Is.EqualTo(modes));
            Assert.That(first.Data.Count(), Is.EqualTo(4));
            Assert.That(first.RecordsTotal, Is.EqualTo(modes.Length));
        });
    }

    [Test]
    public async Task The_requests_grid_of_an_unknown_session_is_empty()
    {
        await _entries.InsertAsync(Entry(null, "checkauth", Start));

        var list = await _factory.PrepareExchangeRequestListModelAsync(new ExchangeRequestSearchModel { SessionRecordId = 42 });

        Assert.That(list.Data, Is.Empty);
        Assert.That(list.RecordsTotal, Is.Zero);
    }

    [Test]
    public async Task A_request_row_shows_its_file_outcome_counts_and_messages()
    {
        await _records.InsertAsync(Record("s", ExchangeType.Catalog, Start));
        var entry = Entry("s", "import", Start);
        entry.FileName = "import0_1.xml";
        entry.FileSizeBytes = 2_048;
        entry.OutcomeId = (int)ExchangeOutcome.Failure;
        entry.DurationMs = 1_500;
        entry.ItemsCreated = 1;
        entry.ItemsUpdated = 2;
        entry.ItemsSkipped = 3;
        entry.ItemsUnpublished = 4;
        entry.ItemsFailed = 5;
        entry.Warnings = 6;
        entry.Message = "The file is damaged";
        entry.Error = "XmlException: unexpected end of file";
        entry.Messages = "item 1: no name\nitem 2: no price";
        await _entries.InsertAsync(entry);
        await _entries.InsertAsync(Entry("s", "checkauth", Start.AddSeconds(1)));

        var rows = (await _factory.PrepareExchangeRequestListModelAsync(
            new ExchangeRequestSearchModel { SessionRecordId = _records.Rows.Single().Id })).Data.ToList();
        var row = rows[0];

        Assert.Multiple(() =>
        {
            Assert.That(row.Id, Is.EqualTo(entry.Id));
            Assert.That(row.StartedOn, Is.EqualTo(entry.StartedOnUtc + UserOffset));
            Assert.That((row.Mode, row.FileName, row.FileSizeBytes), Is.EqualTo((entry.Mode, entry.FileName, entry.FileSizeBytes)));
            Assert.That(row.Outcome, Is.EqualTo("Plugins.Misc.OneCExchange.History.Outcome.Failure"));
            Assert.That(row.Failed, Is.True);
            Assert.That(row.Duration, Is.EqualTo("00:00:01.500"));
            Assert.That(new[] { row.ItemsCreated, row.ItemsUpdated, row.ItemsSkipped, row.ItemsUnpublished, row.ItemsFailed, row.Warnings },
                Is.EqualTo(new[] { entry.ItemsCreated, entry.ItemsUpdated, entry.ItemsSkipped, entry.ItemsUnpublished, entry.ItemsFailed, entry.Warnings }));
            Assert.That((row.Message, row.Error, row.Messages), Is.EqualTo((entry.Message, entry.Error, entry.Messages)));
            Assert.That(rows[1].Failed, Is.False);
            Assert.That(rows[1].FileName, Is.Empty);
            Assert.That(rows[1].FileSizeBytes, Is.Null);
        });
    }
}
