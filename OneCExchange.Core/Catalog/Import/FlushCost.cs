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

    public TimeProvider Clock { get; } = clock;

    /// <summary>Unchanged items cost the store only a "seen" mark: ten of them weigh as one written item.</summary>
    public static int Weight(ImportBatch batch) => batch.CountedItems + batch.Unchanged.Count / 10;

    public void Record(TimeSpan took, int weight)
    {
        if (weight > 0 && weight >= batchSize / 4)
            _secondsPerItem = took.TotalSeconds / weight;
    }

    /// <summary>Zero until a flush was measured.</summary>
    public TimeSpan Estimate(int weight) => TimeSpan.FromSeconds(_secondsPerItem * weight);
}
