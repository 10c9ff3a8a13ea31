using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Exchange;

/// <summary>Counts of what an import did, for the answer to 1C and the exchange log.</summary>
public sealed class ImportCounters
{
    /// <summary>Every counter, once: its English and Russian label, how to read it and how to set it.</summary>
    private static readonly (string English, string Russian, Func<ImportCounters, long> Get, Action<ImportCounters, long> Set)[] All =
    [
        ("created", "создано", c => c.Created, (c, v) => c.Created = v),
        ("updated", "обновлено", c => c.Updated, (c, v) => c.Updated = v),
        ("skipped", "без изменений", c => c.Skipped, (c, v) => c.Skipped = v),
        ("unpublished", "снято с публикации", c => c.Unpublished, (c, v) => c.Unpublished = v),
        ("failed", "ошибок", c => c.Failed, (c, v) => c.Failed = v),
        ("warnings", "предупреждений", c => c.Warnings, (c, v) => c.Warnings = v),
    ];

    public long Created { get; set; }
    public long Updated { get; set; }
    public long Skipped { get; set; }
    public long Unpublished { get; set; }
    public long Failed { get; set; }
    public long Warnings { get; set; }

    /// <summary>Up to a bounded number of messages (warnings and per-item failures) for the log.</summary>
    public List<ExchangeMessage> Messages { get; } = [];

    public const int MaxMessages = 200;

    public void AddMessage(ExchangeMessage message)
    {
        if (Messages.Count < MaxMessages)
            Messages.Add(message);
    }

    /// <summary>Adds another import's counts and messages (a step's to a session's total).</summary>
    public void Add(ImportCounters other)
    {
        foreach (var counter in All)
            counter.Set(this, counter.Get(this) + counter.Get(other));
        foreach (var message in other.Messages)
            AddMessage(message);
    }

    /// <summary>What was counted since <paramref name="start"/> (an earlier copy), with the messages added after the
    /// first <paramref name="messagesAtStart"/>.</summary>
    public ImportCounters Since(ImportCounters start, int messagesAtStart)
    {
        var step = new ImportCounters();
        foreach (var counter in All)
            counter.Set(step, counter.Get(this) - counter.Get(start));
        foreach (var message in Messages.Skip(messagesAtStart))
            step.AddMessage(message);
        return step;
    }

    /// <summary>A copy of the counts, without the messages.</summary>
    public ImportCounters CopyCounts()
    {
        var copy = new ImportCounters();
        foreach (var counter in All)
            counter.Set(copy, counter.Get(this));
        return copy;
    }

    /// <summary>The counts as 1C's answer gives them ("создано 1, обновлено 2, ...").</summary>
    public string Describe() => string.Join(", ", All.Select(c => $"{c.Russian} {c.Get(this)}"));

    public override string ToString() => string.Join(", ", All.Select(c => $"{c.English} {c.Get(this)}"));
}
