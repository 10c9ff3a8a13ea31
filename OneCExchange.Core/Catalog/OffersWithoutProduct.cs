using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// Offers of a file whose product the store does not have (an offers-only package for a catalog never sent): counted
/// and reported as one warning with the first ids, not one error each.
/// </summary>
internal sealed class OffersWithoutProduct
{
    public const int IdsShown = 5;

    private readonly List<string> _firstIds = new(IdsShown);

    public long Count { get; private set; }

    public void Add(string offerId)
    {
        Count++;
        if (_firstIds.Count < IdsShown)
            _firstIds.Add(offerId);
    }

    /// <summary>The warning for what was counted since the last one, or null when nothing was.</summary>
    public ExchangeMessage? TakeWarning()
    {
        if (Count == 0)
            return null;
        var warning = ExchangeMessage.Of(MessageKeys.OffersWithoutProduct, Count, string.Join(", ", _firstIds));
        Count = 0;
        _firstIds.Clear();
        return warning;
    }
}
