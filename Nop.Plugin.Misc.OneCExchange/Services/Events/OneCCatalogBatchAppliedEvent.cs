using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Events;

/// <summary>
/// Published after a batch of catalog commands was committed: each command with its outcome (the store entity it
/// wrote, and whether it created it). Lets a search index or another integration follow the exchange even when
/// per-entity events are switched off for speed.
/// </summary>
public class OneCCatalogBatchAppliedEvent(CatalogBatch batch, CatalogBatchResult result)
{
    public CatalogBatch Batch { get; } = batch;

    public CatalogBatchResult Result { get; } = result;
}
