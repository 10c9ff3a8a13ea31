using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain.Common;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Web.Framework.Models.Extensions;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Factories;

/// <summary>Builds the exchange history pages from the exchange log tables.</summary>
public class ExchangeHistoryModelFactory : IExchangeHistoryModelFactory
{
    #region Fields

    protected readonly AdminAreaSettings _adminAreaSettings;
    protected readonly IDateTimeHelper _dateTimeHelper;
    protected readonly ILocalizationService _localizationService;
    protected readonly IRepository<OneCExchangeLogEntry> _logEntryRepository;
    protected readonly IRepository<OneCExchangeLogRecord> _logRecordRepository;
    protected readonly ExchangeMessageLocalizer _messageLocalizer;

    #endregion

    #region Ctor

    public ExchangeHistoryModelFactory(AdminAreaSettings adminAreaSettings,
        IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        IRepository<OneCExchangeLogEntry> logEntryRepository,
        IRepository<OneCExchangeLogRecord> logRecordRepository,
        ExchangeMessageLocalizer messageLocalizer)
    {
        _messageLocalizer = messageLocalizer;
        _adminAreaSettings = adminAreaSettings;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _logEntryRepository = logEntryRepository;
        _logRecordRepository = logRecordRepository;
    }

    #endregion

    public virtual async Task<ExchangeSessionSearchModel> PrepareExchangeSessionSearchModelAsync(ExchangeSessionSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        searchModel.AvailableTypes =
        [
            new SelectListItem(await _localizationService.GetResourceAsync("Admin.Common.All"), ""),
            new SelectListItem(await TypeNameAsync((int)ExchangeType.Catalog), ((int)ExchangeType.Catalog).ToString()),
            new SelectListItem(await TypeNameAsync((int)ExchangeType.Sale), ((int)ExchangeType.Sale).ToString()),
            new SelectListItem(await TypeNameAsync((int)ExchangeType.GetCatalog), ((int)ExchangeType.GetCatalog).ToString()),
            new SelectListItem(await TypeNameAsync((int)ExchangeType.Listen), ((int)ExchangeType.Listen).ToString())
        ];
        searchModel.SetGridPageSize(_adminAreaSettings.DefaultGridPageSize, _adminAreaSettings.GridPageSizes);

        return searchModel;
    }

    public virtual async Task<ExchangeSessionListModel> PrepareExchangeSessionListModelAsync(ExchangeSessionSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        var typeId = searchModel.SearchTypeId;
        var onlyWithErrors = searchModel.SearchOnlyWithErrors;
        var sessions = await _logRecordRepository.GetAllPagedAsync(query =>
        {
            if (typeId.HasValue)
                query = query.Where(record => record.TypeId == typeId.Value);
            if (onlyWithErrors)
                query = query.Where(record => record.ErrorCount > 0 || record.ItemsFailed > 0);

            return query.OrderByDescending(record => record.StartedOnUtc).ThenByDescending(record => record.Id);
        }, searchModel.Page - 1, searchModel.PageSize);

        return await new ExchangeSessionListModel().PrepareToGridAsync(searchModel, sessions, () => PrepareSessionModelsAsync(sessions));
    }

    public virtual async Task<ExchangeSessionDetailsModel?> PrepareExchangeSessionDetailsModelAsync(int sessionRecordId)
    {
        var record = await GetSessionRecordAsync(sessionRecordId);
        if (record is null)
            return null;

        var model = new ExchangeSessionDetailsModel
        {
            Session = await PrepareSessionModelAsync(record),
            RequestSearchModel = new ExchangeRequestSearchModel { SessionRecordId = record.Id }
        };
        model.RequestSearchModel.SetGridPageSize(_adminAreaSettings.DefaultGridPageSize, _adminAreaSettings.GridPageSizes);

        return model;
    }

    public virtual async Task<ExchangeRequestListModel> PrepareExchangeRequestListModelAsync(ExchangeRequestSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        var sessionId = (await GetSessionRecordAsync(searchModel.SessionRecordId))?.SessionId;
        var requests = await _logEntryRepository.GetAllPagedAsync(query => query
            .Where(entry => sessionId != null && entry.SessionId == sessionId)
            .OrderBy(entry => entry.StartedOnUtc).ThenBy(entry => entry.Id),
            searchModel.Page - 1, searchModel.PageSize);

        return await new ExchangeRequestListModel().PrepareToGridAsync(searchModel, requests, () => PrepareRequestModelsAsync(requests));
    }

    protected virtual async Task<OneCExchangeLogRecord?> GetSessionRecordAsync(int sessionRecordId)
    {
        return (await _logRecordRepository.GetAllAsync(query => query.Where(record => record.Id == sessionRecordId))).FirstOrDefault();
    }

    protected virtual async IAsyncEnumerable<ExchangeSessionModel> PrepareSessionModelsAsync(IEnumerable<OneCExchangeLogRecord> records)
    {
        foreach (var record in records)
            yield return await PrepareSessionModelAsync(record);
    }

    protected virtual async Task<ExchangeSessionModel> PrepareSessionModelAsync(OneCExchangeLogRecord record)
    {
        return new ExchangeSessionModel
        {
            Id = record.Id,
            StartedOn = await _dateTimeHelper.ConvertToUserTimeAsync(record.StartedOnUtc, DateTimeKind.Utc),
            LastRequestOn = await _dateTimeHelper.ConvertToUserTimeAsync(record.LastRequestOnUtc, DateTimeKind.Utc),
            Type = await TypeNameAsync(record.TypeId),
            RemoteAddress = record.RemoteAddress ?? "",
            RequestCount = record.RequestCount,
            FileCount = record.FileCount,
            BytesReceived = record.BytesReceived,
            ItemsCreated = record.ItemsCreated,
            ItemsUpdated = record.ItemsUpdated,
            ItemsFailed = record.ItemsFailed,
            WarningCount = record.WarningCount,
            ErrorCount = record.ErrorCount,
            Duration = FormatDuration(record.DurationMs),
            LastMessage = record.LastMessage ?? ""
        };
    }

    protected virtual async IAsyncEnumerable<ExchangeRequestModel> PrepareRequestModelsAsync(IEnumerable<OneCExchangeLogEntry> entries)
    {
        foreach (var entry in entries)
        {
            yield return new ExchangeRequestModel
            {
                Id = entry.Id,
                StartedOn = await _dateTimeHelper.ConvertToUserTimeAsync(entry.StartedOnUtc, DateTimeKind.Utc),
                Mode = entry.Mode,
                FileName = entry.FileName ?? "",
                FileSizeBytes = entry.FileSizeBytes,
                Outcome = await OutcomeNameAsync(entry.OutcomeId),
                Failed = entry.OutcomeId == (int)ExchangeOutcome.Failure,
                Duration = FormatDuration(entry.DurationMs),
                ItemsCreated = entry.ItemsCreated,
                ItemsUpdated = entry.ItemsUpdated,
                ItemsSkipped = entry.ItemsSkipped,
                ItemsUnpublished = entry.ItemsUnpublished,
                ItemsFailed = entry.ItemsFailed,
                Warnings = entry.Warnings,
                Message = entry.Message ?? "",
                Error = entry.Error ?? "",
                Messages = await _messageLocalizer.LocalizeStoredAsync(entry.Messages)
            };
        }
    }

    protected virtual Task<string> TypeNameAsync(int typeId)
    {
        var name = Enum.IsDefined(typeof(ExchangeType), typeId) ? ((ExchangeType)typeId).ToString() : "Unknown";
        return _localizationService.GetResourceAsync($"Plugins.Misc.OneCExchange.History.Type.{name}");
    }

    protected virtual Task<string> OutcomeNameAsync(int outcomeId)
    {
        var name = Enum.IsDefined(typeof(ExchangeOutcome), outcomeId) ? ((ExchangeOutcome)outcomeId).ToString() : "Unknown";
        return _localizationService.GetResourceAsync($"Plugins.Misc.OneCExchange.History.Outcome.{name}");
    }

    /// <summary>Hours:minutes:seconds.milliseconds, with days in front when a session ran that long.</summary>
    protected static string FormatDuration(long milliseconds)
    {
        var duration = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        var time = duration.ToString(@"hh\:mm\:ss\.fff");
        return duration.Days > 0 ? $"{duration.Days}.{time}" : time;
    }
}
