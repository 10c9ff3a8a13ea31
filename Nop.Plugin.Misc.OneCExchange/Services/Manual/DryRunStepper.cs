using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Plugin.Misc.OneCExchange.Services.Exchange;
using Nop.Plugin.Misc.OneCExchange.Services.Mappings;
using Nop.Services.Localization;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Protocol;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>
/// Runs a dry run step by step: the catalog pipeline reads the package file after file with the current settings over a
/// <see cref="DryRunCatalogStore"/> (lookups answered by the store, nothing written). When the last file is read the
/// report is saved beside the package.
/// </summary>
public class DryRunStepper
{
    #region Fields

    protected readonly ICatalogImportOptionsFactory _optionsFactory;
    protected readonly RequestScopedCatalogStore _catalogStore;
    protected readonly DryRunRegistry _dryRuns;
    protected readonly ILocalizationService _localizationService;
    protected readonly ExchangeMessageLocalizer _messageLocalizer;
    protected readonly TimeProvider _clock;

    #endregion

    #region Ctor

    public DryRunStepper(ICatalogImportOptionsFactory optionsFactory, RequestScopedCatalogStore catalogStore, DryRunRegistry dryRuns,
        ILocalizationService localizationService, ExchangeMessageLocalizer messageLocalizer, TimeProvider clock)
    {
        _messageLocalizer = messageLocalizer;
        _optionsFactory = optionsFactory;
        _catalogStore = catalogStore;
        _dryRuns = dryRuns;
        _localizationService = localizationService;
        _clock = clock;
    }

    #endregion

    public virtual async Task<ManualStepResult> StepAsync(OneCExchangeSession session, TimeSpan budget)
    {
        var folder = session.StagingFolder;
        if (PackageFolder.LoadDryRun(folder) is not null)
            return new ManualStepResult(true, false, 100, null);
        var files = PackageFolder.XmlFiles(folder);
        var run = _dryRuns.GetOrStart(session.SessionId, _catalogStore);
        if (!await run.Gate.WaitAsync(0))
            return Progress(run, files);
        try
        {
            CatalogImportOptions options;
            try
            {
                options = await _optionsFactory.CreateAsync();
            }
            catch (ImportException exception)
            {
                run.Problems.Add(await _messageLocalizer.LocalizeAsync(exception.Reason));
                run.FileIndex = files.Count;
                options = new CatalogImportOptions();
            }
            if (run.FileIndex < files.Count)
                await StepFileAsync(run, session, files[run.FileIndex], options, budget);
            if (run.FileIndex < files.Count)
                return Progress(run, files);

            PackageFolder.SaveDryRun(folder, Report(run, DryRunSessionId(session), options));
            _dryRuns.Finish(session.SessionId);
            return new ManualStepResult(true, false, 100, null);
        }
        finally
        {
            run.Gate.Release();
        }
    }

    protected virtual async Task StepFileAsync(DryRun run, OneCExchangeSession session, string file, CatalogImportOptions options, TimeSpan budget)
    {
        if (run.Current is null)
        {
            run.FullPackage |= PackageHeaderProbe.IsFullPackage(Path.Combine(session.StagingFolder, file));
            run.Current = new CatalogFileImportFactory(run.Store, options, run.Sessions, _clock)
                .Open(new FileImportRequest(DryRunSessionId(session), ExchangeType.Catalog, session.StagingFolder, file, 0));
        }
        bool done;
        try
        {
            done = await run.Current.RunAsync(_clock.GetUtcNow() + budget, CancellationToken.None);
        }
        catch (ImportException exception)
        {
            run.Problems.Add(await _messageLocalizer.LocalizeAsync(exception.Reason));
            run.Failed++;
            done = true;
        }
        if (!done)
            return;
        run.Failed += run.Current.Counters.Failed;
        run.Warnings += run.Current.Counters.Warnings;
        foreach (var message in run.Current.Counters.Messages.Take(DryRunReport.MaxProblems - Math.Min(DryRunReport.MaxProblems, run.Problems.Count)))
            run.Problems.Add(await _messageLocalizer.LocalizeAsync(message));
        run.Current.Dispose();
        run.Current = null;
        run.FileIndex++;
    }

    protected virtual DryRunReport Report(DryRun run, string dryRunSessionId, CatalogImportOptions options)
    {
        var state = run.Sessions.Find(dryRunSessionId);
        var missingKinds = run.FullPackage && options.MissingItemsAction == MissingItemsAction.Unpublish
            ? new[] { CatalogEntityKind.Category, CatalogEntityKind.Product }.Where(k => state?.HasSeen(k) == true).ToList()
            : [];
        return new DryRunReport
        {
            Kinds = run.Tally.Counts(missingKinds).ToList(),
            UnknownPriceTypes = options.PriceTypeMappings.Count == 0 || state is null ? [] : state.PriceTypes
                .Where(p => !options.PriceTypeMappings.Any(m => Matches(m.Source, p.Id, p.Name)))
                .Select(p => new SeenReference(p.Id, p.Name)).ToList(),
            // Without warehouse mappings the stock is one total of all warehouses: none is left out.
            UnknownWarehouses = options.CreateWarehouses || options.WarehouseMappings.Count == 0 || state is null ? [] : state.Warehouses
                .Where(w => !options.WarehouseMappings.Any(m => Matches(m.Source, w.Id, w.Name)))
                .Select(w => new SeenReference(w.Id, w.Name)).ToList(),
            FullPackage = run.FullPackage,
            Failed = run.Failed,
            Warnings = run.Warnings,
            Problems = run.Problems.Take(DryRunReport.MaxProblems).ToList(),
        };
    }

    private static bool Matches(string source, string id, string name) =>
        string.Equals(source, id, StringComparison.OrdinalIgnoreCase) || string.Equals(source, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The dry run's own session id: its states and "last seen" marks never mix with a real import's.</summary>
    protected static string DryRunSessionId(OneCExchangeSession session) => session.SessionId + "-dry";

    private static ManualStepResult Progress(DryRun run, IReadOnlyList<string> files)
    {
        var percent = files.Count == 0 ? 99 : Math.Min(99, run.FileIndex * 100 / files.Count);
        var message = run.FileIndex < files.Count ? files[run.FileIndex] : null;
        return new ManualStepResult(false, false, percent, message);
    }
}
