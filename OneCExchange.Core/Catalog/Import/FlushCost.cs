namespace OneCExchange.Core.Catalog.Import;

/// <summary>
/// How long sending the buffered items to the store is expected to take, from the time per item of the last flush
/// of at least a quarter of a batch (a smaller one is mostly the fixed cost of its statements). A step stops taking
/// items when the flush they would need could not end before its deadline: a batch of a rich catalog (pictures,
/// variants, specifications) can take seconds, and checking the deadline only between batches overshot it by one.
/// </summary>
internal sealed class FlushCost(int batchSize, TimeProvider clock)
{
    private double _secondsPerItem;

    /// <summary>Unchanged items cost the store only a "seen" mark: ten of them weigh as one written item.</summary>
    public static int Weight(ImportBatch batch) => batch.CountedItems + batch.Unchanged.Count / 10;

    /// <summary>Times a flush of items weighing <paramref name="weight"/>.</summary>
    public async Task MeasureAsync(int weight, Func<Task> flush)
    {
        var started = clock.GetUtcNow();
        await flush();
        if (weight > 0 && weight >= batchSize / 4)
            _secondsPerItem = (clock.GetUtcNow() - started).TotalSeconds / weight;
    }

    /// <summary>Whether a flush of items weighing <paramref name="weight"/>, started now, would end after
    /// <paramref name="deadline"/> (until a flush was measured: only when the deadline has passed).</summary>
    public bool WouldEndAfter(DateTimeOffset deadline, int weight) =>
        clock.GetUtcNow() + TimeSpan.FromSeconds(_secondsPerItem * weight) >= deadline;
}
