using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>The warnings of one file's import, each distinct message counted and reported once.</summary>
internal sealed class ImportWarnings(ImportCounters counters)
{
    private const int MaxRemembered = 10_000;
    private readonly HashSet<ExchangeMessage> _warned = [];

    public void Warn(ExchangeMessage message)
    {
        // The set stays bounded on files with many distinct warnings: past it, new messages are all reported.
        if (_warned.Contains(message) || (_warned.Count < MaxRemembered && !_warned.Add(message)))
            return;
        counters.Warnings++;
        counters.AddMessage(message);
    }
}
