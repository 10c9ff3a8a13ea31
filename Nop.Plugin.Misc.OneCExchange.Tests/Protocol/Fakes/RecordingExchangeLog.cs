using System.Collections.Concurrent;
using OneCExchange.Core.Ports;
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

    public ConcurrentQueue<DateTimeOffset> Deletions { get; } = new();

    public Task DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        Deletions.Enqueue(before);
        return Task.CompletedTask;
    }
}
