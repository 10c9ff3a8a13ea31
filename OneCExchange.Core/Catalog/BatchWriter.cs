using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog;

/// <summary>One item of a file (a group, a product, an offer...) being applied, for counting and error reports.</summary>
internal sealed class ItemProgress(Func<ExchangeMessage> label, bool counted)
{
    /// <summary>Built only when needed (for a failure message).</summary>
    public ExchangeMessage Label => label();
    /// <summary>False for dependencies the pipeline creates on the way (options, manufacturers...).</summary>
    public bool Counted { get; } = counted;
    public bool Failed { get; set; }
    public bool Created { get; set; }
    public bool Changed { get; set; }
}

/// <summary>A command with the item it belongs to and what to remember once it is applied.</summary>
internal readonly record struct StagedCommand(ItemProgress Item, CatalogCommand Command, Action<CommandOutcome> OnApplied);

/// <summary>
/// Sends one stage of a flush to the store as one batch. When the batch fails, the items are retried one by one so that
/// a bad item is reported with its 1C id and the rest land; when every item fails the store itself is failing and the
/// import stops (the checkpoint does not move).
/// </summary>
internal sealed class BatchWriter(ICatalogStore store, string sessionId, ImportCounters counters)
{
    public async Task ApplyAsync(List<StagedCommand> staged, List<EntityKey> unchanged, CancellationToken ct)
    {
        if (staged.Count == 0 && unchanged.Count == 0)
            return;
        List<IGrouping<ItemProgress, StagedCommand>> groups;
        try
        {
            await SendAsync(staged, unchanged, ct);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not ImportException)
        {
            groups = staged.GroupBy(s => s.Item).ToList();
            if (groups.Count == 1 && unchanged.Count == 0)
            {
                Fail(groups[0].Key, ex);
                return;
            }
        }

        if (unchanged.Count > 0)
            await SendOrThrowAsync([], unchanged, ct);

        Exception? last = null;
        var failed = 0;
        foreach (var group in groups)
        {
            try
            {
                await SendAsync(group.ToList(), [], ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not ImportException)
            {
                last = ex;
                failed++;
                Fail(group.Key, ex);
            }
        }
        if (failed > 1 && failed == groups.Count)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.BatchRejected, last!.Message), last);
    }

    private void Fail(ItemProgress item, Exception ex)
    {
        item.Failed = true;
        counters.Failed++;
        counters.AddMessage(ExchangeMessage.Of(MessageKeys.ItemFailed, item.Label, ex.Message));
    }

    private async Task SendOrThrowAsync(List<StagedCommand> staged, List<EntityKey> unchanged, CancellationToken ct)
    {
        try
        {
            await SendAsync(staged, unchanged, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not ImportException)
        {
            throw new ImportException(ExchangeMessage.Of(MessageKeys.StoreFailed, ex.Message), ex);
        }
    }

    private async Task SendAsync(List<StagedCommand> staged, List<EntityKey> unchanged, CancellationToken ct)
    {
        var commands = new CatalogCommand[staged.Count];
        for (var i = 0; i < staged.Count; i++)
            commands[i] = staged[i].Command;
        var result = await store.ApplyAsync(new CatalogBatch(sessionId, commands, unchanged), ct);
        if (result.Outcomes.Count != commands.Length)
            throw new ImportException(ExchangeMessage.Of(MessageKeys.StoreOutcomeMismatch, result.Outcomes.Count, commands.Length));
        for (var i = 0; i < staged.Count; i++)
            staged[i].OnApplied(result.Outcomes[i]);
    }
}
