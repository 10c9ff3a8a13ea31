namespace OneCExchange.Core.Protocol;

/// <summary>Records every exchange request; the host keeps one log record per session with its requests.</summary>
public interface IExchangeLog
{
    Task RecordAsync(ExchangeLogEntry entry, CancellationToken cancellationToken);
}
