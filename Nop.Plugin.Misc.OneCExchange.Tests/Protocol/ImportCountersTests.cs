using NUnit.Framework;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;

namespace OneCExchange.Tests.Protocol;

/// <summary>The counters are defined once: a step's counts are the difference since its start, a session's total the
/// sum of its steps, and both texts (the answer to 1C, the log) list every counter.</summary>
public class ImportCountersTests
{
    [Test]
    public void A_step_counts_what_changed_since_its_start_and_adds_up_to_the_total()
    {
        var counters = new ImportCounters { Created = 2, Updated = 1, Warnings = 1 };
        counters.AddMessage(ExchangeMessage.Of(MessageKeys.LabelOffer, "a"));
        var start = counters.CopyCounts();
        counters.Created += 3;
        counters.Skipped += 4;
        counters.Unpublished += 5;
        counters.Failed += 6;
        counters.Warnings += 7;
        counters.AddMessage(ExchangeMessage.Of(MessageKeys.LabelOffer, "b"));

        var step = counters.Since(start, messagesAtStart: 1);
        var total = new ImportCounters { Updated = 10 };
        total.Add(step);

        Assert.Multiple(() =>
        {
            Assert.That(step.ToString(), Is.EqualTo("created 3, updated 0, skipped 4, unpublished 5, failed 6, warnings 7"));
            Assert.That(step.Messages.Select(m => m.Arguments[0]), Is.EqualTo(new object[] { "b" }));
            Assert.That(total.Describe(),
                Is.EqualTo("создано 3, обновлено 10, без изменений 4, снято с публикации 5, ошибок 6, предупреждений 7"));
            Assert.That(total.Messages, Has.Count.EqualTo(1));
            Assert.That(start.Messages, Is.Empty);
        });
    }
}
