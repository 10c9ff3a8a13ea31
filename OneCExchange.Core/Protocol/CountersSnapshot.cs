using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// The counters of an import at the start of a step. The log records what each step did (the difference), because
/// an import reopened after a restart counts from zero again.
/// </summary>
internal sealed class CountersSnapshot
{
    private readonly ImportCounters _counts;
    private readonly int _messages;

    private CountersSnapshot(ImportCounters counters)
    {
        _counts = counters.CopyCounts();
        _messages = counters.Messages.Count;
    }

    public static CountersSnapshot Of(ImportCounters counters) => new(counters);

    public ImportCounters StepSince(ImportCounters now) => now.Since(_counts, _messages);
}
