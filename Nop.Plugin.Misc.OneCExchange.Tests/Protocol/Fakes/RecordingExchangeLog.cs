using System.Collections.Concurrent;
using OneCExchange.Core.Protocol;

namespace OneCExchange.Tests.Protocol.Fakes;

public sealed class RecordingExchangeLog : IExchangeLog
{
    public ConcurrentQueue<ExchangeLogEntry> Entries { get; } = new();

    public Task RecordAsync(ExchangeLogEntry entry, CancellationToken cancellationToken)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}
