using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Plugin;

/// <summary>1C listens once a minute all day: the history sums listens up in one record instead of a row each.</summary>
public class ListenHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Listens_are_summed_up_in_one_record_with_their_count_errors_and_last_time()
    {
        var records = new InMemoryRepository<OneCExchangeLogRecord>();
        var entries = new InMemoryRepository<OneCExchangeLogEntry>();
        var log = new ExchangeLogService(records, entries, new ConventionNamedUpdater(new FakeDataProvider(), new FakeEventPublisher()));

        for (var minute = 0; minute < 30; minute++)
            await log.RecordAsync(Listen(Start.AddMinutes(minute), ExchangeOutcome.NotModified, null), CancellationToken.None);
        await log.RecordAsync(Listen(Start.AddMinutes(30), ExchangeOutcome.Failure, "Ошибка авторизации."), CancellationToken.None);
        await log.RecordAsync(Listen(Start.AddMinutes(31), ExchangeOutcome.Success, null), CancellationToken.None);
        await log.RecordAsync(new ExchangeLogEntry("s1", ExchangeType.Sale, "query", "10.0.0.1", Start.AddMinutes(32),
            TimeSpan.FromSeconds(1), ExchangeOutcome.Document, "document, 1 item(s)"), CancellationToken.None);

        var listen = records.Rows.Single(r => r.TypeId == (int)ExchangeType.Listen);
        Assert.Multiple(() =>
        {
            Assert.That(listen.SessionId, Is.EqualTo(ExchangeLogService.ListenSessionId));
            Assert.That(listen.RequestCount, Is.EqualTo(32));
            Assert.That(listen.ErrorCount, Is.EqualTo(1));
            Assert.That(listen.StartedOnUtc, Is.EqualTo(Start.UtcDateTime));
            Assert.That(listen.LastRequestOnUtc, Is.EqualTo(Start.AddMinutes(31).AddSeconds(60).UtcDateTime));
            Assert.That(listen.LastMessage, Is.EqualTo("success"), "how the last listen ended, not the failure before it");
            Assert.That(entries.Rows.Select(e => e.Mode), Is.EqualTo(new[] { "query" }), "no row per listen; other requests keep theirs");
            Assert.That(records.Rows, Has.Count.EqualTo(2));
        });
    }

    private static ExchangeLogEntry Listen(DateTimeOffset at, ExchangeOutcome outcome, string? message) =>
        new(null, ExchangeType.Listen, "", "10.0.0.1", at, TimeSpan.FromSeconds(60), outcome, message);
}
