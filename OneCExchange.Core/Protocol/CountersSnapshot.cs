using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// The counters of an import at the start of a step. The log records what each step did (the difference), because
/// an import reopened after a restart counts from zero again.
/// </summary>
internal sealed record CountersSnapshot(long Created, long Updated, long Skipped, long Unpublished, long Failed, long Warnings, int Messages)
{
    public static CountersSnapshot Of(ImportCounters counters) => new(counters.Created, counters.Updated, counters.Skipped,
        counters.Unpublished, counters.Failed, counters.Warnings, counters.Messages.Count);

    public ImportCounters StepSince(ImportCounters now)
    {
        var step = new ImportCounters
        {
            Created = now.Created - Created,
            Updated = now.Updated - Updated,
            Skipped = now.Skipped - Skipped,
            Unpublished = now.Unpublished - Unpublished,
            Failed = now.Failed - Failed,
            Warnings = now.Warnings - Warnings,
        };
        foreach (var message in now.Messages.Skip(Messages))
            step.AddMessage(message);
        return step;
    }
}
