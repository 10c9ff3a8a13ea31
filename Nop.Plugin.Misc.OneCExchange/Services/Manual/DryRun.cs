using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Manual;

/// <summary>A dry run in progress: the file being read and what the earlier files would have done. Lives in memory only.</summary>
public class DryRun
{
    public DryRun(ICatalogStore store) => Store = new DryRunCatalogStore(store, Tally);

    /// <summary>One step at a time: a step that finds the run busy reports its progress and does nothing.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int FileIndex { get; set; }

    public IFileImport? Current { get; set; }

    public DryRunTally Tally { get; } = new();

    /// <summary>The dry run's own session states, so it never shares the mapping cache of a real import.</summary>
    public CatalogSessions Sessions { get; } = new();

    public DryRunCatalogStore Store { get; }

    public bool FullPackage { get; set; }

    public long Failed { get; set; }

    public long Warnings { get; set; }

    public List<string> Problems { get; } = [];
}

/// <summary>The dry runs in progress, by exchange session id (a singleton: a dry run lives across AJAX steps).</summary>
public class DryRunRegistry
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DryRun> _runs = new();

    /// <param name="store">The real store the dry run reads from (valid across requests).</param>
    public virtual DryRun GetOrStart(string sessionId, ICatalogStore store) => _runs.GetOrAdd(sessionId, _ => new DryRun(store));

    public virtual void Finish(string sessionId)
    {
        if (_runs.TryRemove(sessionId, out var run))
            run.Current?.Dispose();
    }
}
