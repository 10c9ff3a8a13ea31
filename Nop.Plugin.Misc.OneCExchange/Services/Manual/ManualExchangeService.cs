using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Services.Localization;
using OneCExchange.Core.CommerceMl.Analysis;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;
using OneCExchange.Core.Staging;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>
/// The manual exchange over Core's <see cref="AdminExchange"/>: the uploaded package is staged in a catalog session of
/// its own and imported by the same step-wise import, checkpoints and log as 1C's exchange. Every step is bounded by the
/// step time budget; where an import stands is read from its checkpoints, so it resumes after a restart.
/// </summary>
public class ManualExchangeService : IManualExchangeService
{
    #region Fields

    protected readonly OneCExchangeSettings _settings;
    protected readonly IExchangeStateStore _stateStore;
    protected readonly IExchangeLog _exchangeLog;
    protected readonly ExchangeHandlers _handlers;
    protected readonly ExchangeRuntime _runtime;
    protected readonly INopFileProvider _fileProvider;
    protected readonly ILocalizationService _localizationService;
    protected readonly IRepository<OneCExchangeSession> _sessionRepository;
    protected readonly IRepository<OneCFileCheckpoint> _checkpointRepository;
    protected readonly DryRunStepper _dryRunStepper;

    #endregion

    #region Ctor

    public ManualExchangeService(OneCExchangeSettings settings, IExchangeStateStore stateStore, IExchangeLog exchangeLog,
        ExchangeHandlers handlers, ExchangeRuntime runtime, INopFileProvider fileProvider, ILocalizationService localizationService,
        IRepository<OneCExchangeSession> sessionRepository, IRepository<OneCFileCheckpoint> checkpointRepository,
        DryRunStepper dryRunStepper)
    {
        _settings = settings;
        _stateStore = stateStore;
        _exchangeLog = exchangeLog;
        _handlers = handlers;
        _runtime = runtime;
        _fileProvider = fileProvider;
        _localizationService = localizationService;
        _sessionRepository = sessionRepository;
        _checkpointRepository = checkpointRepository;
        _dryRunStepper = dryRunStepper;
    }

    #endregion

    protected virtual ExchangeOptions Options => ExchangeOptionsFactory.From(_settings, _fileProvider.MapPath(ExchangeEndpointFactory.StagingPath));

    protected virtual AdminExchange CreateExchange() => new(Options, _stateStore, _exchangeLog, _handlers, _runtime);

    public virtual async Task<ManualStart> StartAsync(IReadOnlyList<ManualUpload> files, string startedBy)
    {
        if (files.Count == 0)
            return new ManualStart(null, await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Manual.NoFiles"));
        var exchange = CreateExchange();
        var session = await exchange.StartAsync(Truncate(startedBy), CancellationToken.None);
        foreach (var file in files)
        {
            var answer = await exchange.UploadAsync(session, file.FileName, file.Content, CancellationToken.None);
            if (answer.Outcome == ExchangeOutcome.Failure)
                return new ManualStart(session.Id, answer.Message);
        }
        if (PackageFolder.XmlFiles(session.StagingFolder).Count == 0)
            return new ManualStart(session.Id, await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Manual.NoXml"));
        PackageFolder.Analyze(session.StagingFolder);
        return new ManualStart(session.Id, null);
    }

    /// <summary>A new manual exchange with one kept file of an earlier session, and the pictures beside it.</summary>
    public virtual async Task<ManualStart> RerunAsync(string sessionId, string relativePath, string startedBy)
    {
        var earlier = await GetSessionAsync(sessionId);
        var path = earlier is null ? null : KeptFilePath(earlier, relativePath);
        if (earlier is null || path is null)
            return new ManualStart(null, await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Manual.FileGone"));
        await using var content = File.OpenRead(path);
        var uploads = new List<ManualUpload> { new(StagingPath.Normalize(relativePath), content) };
        var pictures = KeptFiles(earlier).Where(f => !f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && f.Contains('/')).ToList();
        var streams = pictures.Select(f => File.OpenRead(KeptFilePath(earlier, f)!)).ToList();
        try
        {
            uploads.AddRange(pictures.Select((f, i) => new ManualUpload(f, streams[i])));
            return await StartAsync(uploads, startedBy);
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }

    public virtual Task<OneCExchangeSession?> GetSessionAsync(string sessionId) =>
        Task.FromResult(string.IsNullOrEmpty(sessionId) ? null : _sessionRepository.Table.FirstOrDefault(s => s.SessionId == sessionId));

    public virtual PackageAnalysis? GetAnalysis(OneCExchangeSession session) => PackageFolder.LoadAnalysis(session.StagingFolder);

    public virtual DryRunReport? GetDryRunReport(OneCExchangeSession session) => PackageFolder.LoadDryRun(session.StagingFolder);

    public virtual Task<IReadOnlyList<ManualFileState>> GetFilesAsync(OneCExchangeSession session)
    {
        var analysis = GetAnalysis(session);
        var checkpoints = _checkpointRepository.Table.Where(c => c.SessionId == session.SessionId).ToList()
            .ToDictionary(c => c.RelativePath, StringComparer.Ordinal);
        IReadOnlyList<ManualFileState> files = PackageFolder.XmlFiles(session.StagingFolder).Select(file =>
        {
            var found = analysis?.Files.FirstOrDefault(f => f.Path == file);
            checkpoints.TryGetValue(file, out var checkpoint);
            var status = checkpoint is null ? "Waiting" : ((FileImportStatus)checkpoint.StatusId).ToString();
            return new ManualFileState(file, found?.Bytes ?? 0, found?.Records ?? 0, checkpoint?.ItemsCompleted ?? 0, status, checkpoint?.Message);
        }).ToList();
        return Task.FromResult(files);
    }

    public virtual async Task<ManualStepResult> DryRunStepAsync(string sessionId)
    {
        var session = await GetSessionAsync(sessionId);
        if (session is null)
            return new ManualStepResult(true, true, 0, await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Manual.NotFound"));
        return await _dryRunStepper.StepAsync(session, Options.StepTimeBudget);
    }

    public virtual async Task RestartDryRunAsync(string sessionId)
    {
        if (await GetSessionAsync(sessionId) is { } session)
            PackageFolder.DeleteDryRun(session.StagingFolder);
    }

    /// <summary>One bounded step: the next file not imported yet goes one step further; when all are, the exchange completes.</summary>
    public virtual async Task<ManualStepResult> ImportStepAsync(string sessionId)
    {
        var row = await GetSessionAsync(sessionId);
        var session = row is null ? null : await _stateStore.FindByCookieAsync(row.CookieToken, CancellationToken.None);
        if (row is null || session is null)
            return new ManualStepResult(true, true, 0, await _localizationService.GetResourceAsync("Plugins.Misc.OneCExchange.Manual.NotFound"));
        if (session.Completed)
            return new ManualStepResult(true, session.HadFailure, 100,
                await _localizationService.GetResourceAsync(session.HadFailure ? "Plugins.Misc.OneCExchange.Manual.DoneWithErrors" : "Plugins.Misc.OneCExchange.Manual.Done"));

        var files = await GetFilesAsync(row);
        var next = files.FirstOrDefault(f => f.Status != nameof(FileImportStatus.Done));
        var exchange = CreateExchange();
        var answer = next is null
            ? await exchange.CompleteAsync(session, CancellationToken.None)
            : await exchange.ImportAsync(session, next.RelativePath, CancellationToken.None);
        var failed = answer.Outcome == ExchangeOutcome.Failure;
        var done = next is null && !failed;
        return new ManualStepResult(done, failed, done ? 100 : Percent(await GetFilesAsync(row)), answer.Message);
    }

    /// <summary>Files done count whole; the file under way by its items done of the records the analysis counted.</summary>
    protected static int Percent(IReadOnlyList<ManualFileState> files)
    {
        if (files.Count == 0)
            return 100;
        var done = files.Sum(f => f.Status == nameof(FileImportStatus.Done) ? 1.0
            : f.Records > 0 ? Math.Min(1.0, (double)f.ItemsCompleted / f.Records) : 0);
        // The completion is the last step: 99% until it ran.
        return Math.Min(99, (int)(done * 100 / files.Count));
    }

    public virtual IReadOnlyList<string> KeptFiles(OneCExchangeSession session) => PackageFolder.KeptFiles(session.StagingFolder);

    public virtual string? KeptFilePath(OneCExchangeSession session, string relativePath)
    {
        try
        {
            var path = StagingPath.Resolve(session.StagingFolder, relativePath);
            return File.Exists(path) && !relativePath.StartsWith('~') ? path : null;
        }
        catch (StagingException)
        {
            return null;
        }
    }

    private static string Truncate(string value) =>
        value.Length <= OneCExchangeSession.RemoteAddressMaxLength ? value : value[..OneCExchangeSession.RemoteAddressMaxLength];
}
