using System.Globalization;
using System.Text;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using OneCExchange.Core.CommerceMl.Analysis;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Factories;

/// <summary>Builds the manual exchange pages from the session, its package folder and the exchange log.</summary>
public class ManualExchangeModelFactory : IManualExchangeModelFactory
{
    #region Fields

    protected readonly IDateTimeHelper _dateTimeHelper;
    protected readonly ILocalizationService _localizationService;
    protected readonly IManualExchangeService _manualExchangeService;
    protected readonly IRepository<OneCExchangeLogEntry> _logEntryRepository;
    protected readonly IRepository<OneCExchangeLogRecord> _logRecordRepository;

    #endregion

    #region Ctor

    public ManualExchangeModelFactory(IDateTimeHelper dateTimeHelper, ILocalizationService localizationService,
        IManualExchangeService manualExchangeService, IRepository<OneCExchangeLogEntry> logEntryRepository,
        IRepository<OneCExchangeLogRecord> logRecordRepository)
    {
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _manualExchangeService = manualExchangeService;
        _logEntryRepository = logEntryRepository;
        _logRecordRepository = logRecordRepository;
    }

    #endregion

    public virtual Task<ManualExchangeModel> PrepareManualExchangeModelAsync() => Task.FromResult(new ManualExchangeModel());

    public virtual async Task<ManualExchangeSessionModel?> PrepareManualExchangeSessionModelAsync(string sessionId)
    {
        var session = await _manualExchangeService.GetSessionAsync(sessionId);
        if (session is null)
            return null;

        var files = await _manualExchangeService.GetFilesAsync(session);
        var model = new ManualExchangeSessionModel
        {
            SessionId = session.SessionId,
            StartedOn = await _dateTimeHelper.ConvertToUserTimeAsync(session.CreatedOnUtc, DateTimeKind.Utc),
            StartedBy = session.RemoteAddress ?? "",
            HistoryRecordId = _logRecordRepository.Table.Where(r => r.SessionId == session.SessionId).Select(r => r.Id).FirstOrDefault(),
            ImportStarted = files.Any(f => f.Status != "Waiting"),
            ImportCompleted = session.Completed,
            HadFailure = session.HadFailure,
        };
        foreach (var file in files)
            model.Files.Add(new ManualFileModel(file.RelativePath, file.Bytes, file.Records, file.ItemsCompleted,
                await _localizationService.GetResourceAsync($"Plugins.Misc.OneCExchange.Manual.FileStatus.{file.Status}"), file.Message));

        if (_manualExchangeService.GetAnalysis(session) is { } analysis)
        {
            model.Contents = await ContentsAsync(analysis);
            var missingImage = await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Manual.ImageMissing");
            model.AnalysisProblems = analysis.Errors.Concat(analysis.Warnings)
                .Concat(analysis.MissingImages.Select(image => $"{image}: {missingImage}")).ToList();
        }
        if (_manualExchangeService.GetDryRunReport(session) is { } report)
        {
            model.DryRunDone = true;
            foreach (var kind in report.Kinds)
                model.DryRunKinds.Add(new ManualKindCountsModel(
                    await _localizationService.GetResourceAsync($"Plugins.Misc.OneCExchange.Manual.Kind.{kind.Kind}"),
                    kind.Created, kind.Updated, kind.Unchanged, kind.Unpublished, kind.Missing));
            model.UnknownPriceTypes = report.UnknownPriceTypes.Select(Describe).ToList();
            model.UnknownWarehouses = report.UnknownWarehouses.Select(Describe).ToList();
            model.DryRunProblems = report.Problems;
            model.DryRunFailed = report.Failed;
            model.DryRunWarnings = report.Warnings;
            model.FullPackage = report.FullPackage;
        }
        return model;
    }

    public virtual Task<string> PrepareAnswersTextAsync(string sessionId)
    {
        var entries = _logEntryRepository.Table.Where(e => e.SessionId == sessionId)
            .OrderBy(e => e.StartedOnUtc).ThenBy(e => e.Id).ToList();
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            var outcome = ((ExchangeOutcome)entry.OutcomeId).ToString().ToLowerInvariant();
            text.Append(entry.StartedOnUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC\t")
                .Append("mode=").Append(entry.Mode);
            if (!string.IsNullOrEmpty(entry.FileName))
                text.Append("&filename=").Append(entry.FileName);
            text.Append('\n').Append(outcome);
            if (!string.IsNullOrEmpty(entry.Message))
                text.Append('\n').Append(entry.Message);
            text.Append("\n\n");
        }
        return Task.FromResult(text.ToString());
    }

    protected virtual async Task<IList<ManualCountModel>> ContentsAsync(PackageAnalysis analysis)
    {
        var counts = new (string Name, long Count)[]
        {
            ("Groups", analysis.Groups), ("Properties", analysis.Properties), ("ReferenceValues", analysis.ReferenceValues),
            ("PriceTypes", analysis.PriceTypes), ("Warehouses", analysis.Warehouses), ("Products", analysis.Products),
            ("DeletedProducts", analysis.DeletedProducts), ("Offers", analysis.Offers), ("Variants", analysis.Variants),
            ("DeletedOffers", analysis.DeletedOffers), ("Prices", analysis.Prices), ("StockEntries", analysis.StockEntries),
            ("ImagesReferenced", analysis.ImagesReferenced), ("ImagesMissing", analysis.ImagesMissing),
        };
        var list = new List<ManualCountModel>();
        foreach (var (name, count) in counts)
            list.Add(new ManualCountModel(await _localizationService.GetResourceAsync($"Plugins.Misc.OneCExchange.Manual.Contents.{name}"), count));
        return list;
    }

    private static string Describe(Services.Mappings.SeenReference reference) =>
        reference.Name == reference.Id ? reference.Id : $"{reference.Name} ({reference.Id})";
}
