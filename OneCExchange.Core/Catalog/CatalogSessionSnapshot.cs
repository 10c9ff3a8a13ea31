using System.Text.Json;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The durable form of a <see cref="CatalogSessionState"/>: the price types and warehouses the classifier defined
/// (offers may name them only there), the offers deleted before the store had them, the kinds the session carried and
/// the default price type. The mapping cache and the classifier's properties, groups and units are not kept: a process
/// that restores a session reads the maps afresh, and a later file resolves properties only from its own classifier.
/// </summary>
public static class CatalogSessionSnapshot
{
    /// <summary>At most this many deleted-offer ids are saved (which ones beyond that is not defined), so a snapshot stays small.</summary>
    public const int MaxDeletedOffers = 100_000;

    public static string Write(CatalogSessionState state) => JsonSerializer.Serialize(new Snapshot(
        [.. state.PriceTypes.Select(p => new SavedPriceType(p.Id, p.Name, p.Currency, p.Tax))],
        [.. state.Warehouses.Select(w => new SavedWarehouse(w.Id, w.Name, w.Address))],
        [.. state.DeletedOffers.Take(MaxDeletedOffers)],
        [.. state.SeenKinds],
        state.DefaultPriceTypeId));

    /// <summary>The state a snapshot describes, or an empty state when there is none (or it cannot be read).</summary>
    public static CatalogSessionState Read(string sessionId, string? snapshot)
    {
        var state = new CatalogSessionState(sessionId);
        if (string.IsNullOrEmpty(snapshot) || TryParse(snapshot) is not { } saved)
            return state;
        var location = new SourceLocation("", 0, 0);
        foreach (var p in saved.PriceTypes ?? [])
        {
            var priceType = new PriceType { Id = p.Id, Name = p.Name, Currency = p.Currency, Tax = p.Tax, Location = location };
            state.Classifier.Add(priceType);
        }
        foreach (var w in saved.Warehouses ?? [])
        {
            var warehouse = new Warehouse { Id = w.Id, Name = w.Name, Address = w.Address, Location = location };
            state.Classifier.Add(warehouse);
        }
        foreach (var offerId in saved.DeletedOffers ?? [])
            state.MarkDeletedOffer(offerId);
        foreach (var kind in saved.SeenKinds ?? [])
            state.MarkSeen(kind);
        if (saved.DefaultPriceType is { } defaultPriceType)
            state.DefaultPriceType(defaultPriceType);
        return state;
    }

    private static Snapshot? TryParse(string snapshot)
    {
        try
        {
            return JsonSerializer.Deserialize<Snapshot>(snapshot);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Snapshot(List<SavedPriceType>? PriceTypes, List<SavedWarehouse>? Warehouses, List<string>? DeletedOffers,
        List<CatalogEntityKind>? SeenKinds, string? DefaultPriceType);

    private sealed record SavedPriceType(string Id, string Name, string? Currency, PriceTax? Tax);

    private sealed record SavedWarehouse(string Id, string Name, string? Address);
}
