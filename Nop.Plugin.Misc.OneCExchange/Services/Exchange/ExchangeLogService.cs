using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Exchange;

/// <summary>
/// The exchange log in the plugin's tables: one record per session with its totals, one entry per request but for the
/// pictures uploaded with success (1C sends them one request each: thousands), which count in the record alone.
/// </summary>
public class ExchangeLogService : IExchangeLog
{
    #region Fields

    private const int MaxTextLength = OneCExchangeLogEntry.MessageMaxLength;

    protected readonly IRepository<OneCExchangeLogRecord> _recordRepository;
    protected readonly IRepository<OneCExchangeLogEntry> _entryRepository;
    protected readonly SetBasedUpdater _updater;

    #endregion

    #region Ctor

    public ExchangeLogService(IRepository<OneCExchangeLogRecord> recordRepository, IRepository<OneCExchangeLogEntry> entryRepository,
        SetBasedUpdater updater)
    {
        _recordRepository = recordRepository;
        _entryRepository = entryRepository;
        _updater = updater;
    }

    #endregion

    /// <summary>The session id of the one record that sums up every type=listen (they come once a minute, all day).</summary>
    public const string ListenSessionId = "listen";

    public virtual async Task RecordAsync(ExchangeLogEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Type == ExchangeType.Listen)
        {
            // The last message says how the last listen ended, so a failure long ago does not look current.
            var message = entry.Message ?? (entry.Outcome == ExchangeOutcome.NotModified ? "304 Not Modified" : "success");
            await UpdateSessionRecordAsync(entry with { SessionId = ListenSessionId, Message = message });
            return;
        }
        if (IsUpload(entry))
        {
            await AddUploadAsync(entry);
            return;
        }
        var counters = entry.Counters;
        await _entryRepository.InsertAsync(new OneCExchangeLogEntry
        {
            SessionId = entry.SessionId,
            TypeId = entry.Type is { } type ? (int)type : -1,
            // Mode and file name come from 1C's query string as sent: kept within their columns whatever their length.
            Mode = Cut(entry.Mode, OneCExchangeLogEntry.ModeMaxLength)!,
            FileName = Cut(entry.FileName, OneCFileCheckpoint.RelativePathMaxLength),
            RemoteAddress = entry.RemoteAddress,
            StartedOnUtc = entry.StartedAt.UtcDateTime,
            DurationMs = (long)entry.Duration.TotalMilliseconds,
            OutcomeId = (int)entry.Outcome,
            Message = Cut(entry.Message),
            Error = entry.Error,
            BytesReceived = entry.BytesReceived,
            FileSizeBytes = entry.FileSizeBytes,
            ItemsCreated = counters?.Created ?? 0,
            ItemsUpdated = counters?.Updated ?? 0,
            ItemsSkipped = counters?.Skipped ?? 0,
            ItemsUnpublished = counters?.Unpublished ?? 0,
            ItemsFailed = counters?.Failed ?? 0,
            Warnings = counters?.Warnings ?? 0,
            Messages = counters is { Messages.Count: > 0 } ? ExchangeMessageLocalizer.Store(counters.Messages) : null,
        }, false);

        if (entry.SessionId is not null)
            await UpdateSessionRecordAsync(entry);
    }

    /// <summary>
    /// A picture (or other attachment) uploaded with success: counted in its session's record, with no entry of its
    /// own; the XML files and archives keep theirs.
    /// </summary>
    protected static bool IsUpload(ExchangeLogEntry entry) =>
        entry is { Mode: "file", Outcome: ExchangeOutcome.Success, SessionId: not null, Error: null, Counters: null, FileName: { } name }
        && !name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Adds the upload to its session's record in one statement (no read); on SQL Server, or when the record is not
    /// there yet, through the repository.
    /// </summary>
    protected virtual async Task AddUploadAsync(ExchangeLogEntry entry)
    {
        var updated = await _updater.TryAddWhereKeyAsync<OneCExchangeLogRecord>(nameof(OneCExchangeLogRecord.SessionId), entry.SessionId!,
            [
                (nameof(OneCExchangeLogRecord.RequestCount), 1),
                (nameof(OneCExchangeLogRecord.BytesReceived), entry.BytesReceived),
                (nameof(OneCExchangeLogRecord.DurationMs), (long)entry.Duration.TotalMilliseconds),
            ],
            [(nameof(OneCExchangeLogRecord.LastRequestOnUtc), entry.StartedAt.UtcDateTime + entry.Duration)]);
        if (updated is not > 0)
            await UpdateSessionRecordAsync(entry);
    }

    public virtual async Task DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var utc = before.UtcDateTime;
        await _entryRepository.DeleteAsync(e => e.StartedOnUtc < utc);
        await _recordRepository.DeleteAsync(r => r.LastRequestOnUtc < utc);
    }

    protected virtual async Task UpdateSessionRecordAsync(ExchangeLogEntry entry)
    {
        var record = _recordRepository.Table.FirstOrDefault(r => r.SessionId == entry.SessionId);
        var isNew = record is null;
        record ??= new OneCExchangeLogRecord
        {
            SessionId = entry.SessionId!,
            TypeId = entry.Type is { } type ? (int)type : -1,
            RemoteAddress = entry.RemoteAddress,
            StartedOnUtc = entry.StartedAt.UtcDateTime,
        };
        record.LastRequestOnUtc = entry.StartedAt.UtcDateTime + entry.Duration;
        record.RequestCount++;
        record.BytesReceived += entry.BytesReceived;
        record.DurationMs += (long)entry.Duration.TotalMilliseconds;
        if (entry.Outcome == ExchangeOutcome.Failure)
            record.ErrorCount++;
        if (entry.Counters is { } counters)
        {
            record.ItemsCreated += counters.Created;
            record.ItemsUpdated += counters.Updated;
            record.ItemsFailed += counters.Failed;
            record.WarningCount += counters.Warnings;
        }
        if (entry is { Mode: "import", Outcome: ExchangeOutcome.Success or ExchangeOutcome.Failure })
            record.FileCount++;
        record.LastMessage = Cut(entry.Message) ?? record.LastMessage;
        if (isNew)
            await _recordRepository.InsertAsync(record, false);
        else
            await _recordRepository.UpdateAsync(record, false);
    }

    private static string? Cut(string? text, int maxLength = MaxTextLength) => text is { } value && value.Length > maxLength ? value[..maxLength] : text;
}
