using OneCExchange.Core.Protocol;

namespace OneCExchange.Core.Ports;

/// <summary>Records every exchange request; the host keeps one log record per session with its requests.</summary>
public interface IExchangeLog
{
    Task RecordAsync(ExchangeLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes what was recorded before <paramref name="before"/> (the retention period).</summary>
    Task DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
