using System.Text.Json;
using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The durable form of a <see cref="CatalogSessionState"/>: the classifier's price types, warehouses, properties and
/// units (offers and goods files name them, but only the classifier defines them), the offers deleted before the store
/// had them, the kinds the session carried and the default price type (an earlier session's as carried over). The mapping cache and the classifier's groups
/// are not kept: a process that restores a session reads the maps afresh.
/// </summary>
public static class CatalogSessionSnapshot
{
    /// <summary>At most this many deleted-offer ids are saved (which ones beyond that is not defined), so a snapshot stays small.</summary>
    public const int MaxDeletedOffers = 100_000;

    public static string Write(CatalogSessionState state) => Write(state, [.. state.SeenKinds]);

    /// <summary>
    /// What a new session of the same exchange starts from (1C may send each file of one package after its own
    /// checkauth): the previous session's snapshot without the kinds it carried, which are each session's own.
    /// Null when the previous session kept no catalog state.
    /// </summary>
    public static string? CarryOver(string? previous) =>
        string.IsNullOrEmpty(previous) || TryParse(previous) is null ? null : Write(Read("", previous), [], carry: true);

    private static string Write(CatalogSessionState state, List<CatalogEntityKind> seenKinds, bool carry = false) => JsonSerializer.Serialize(new Snapshot(
        [.. state.PriceTypes.Select(p => new SavedPriceType(p.Id, p.Name, p.Currency, p.Tax))],
        [.. state.Warehouses.Select(w => new SavedWarehouse(w.Id, w.Name, w.Address))],
        [.. state.DeletedOffers.Take(MaxDeletedOffers)],
        seenKinds,
        carry ? null : state.DefaultPriceTypeId,
        [.. state.Classifier.Properties.Select(p => new SavedProperty(p.Key, p.Value.Name, p.Value.ValueType, p.Value.ReferenceValues))],
        [.. state.Classifier.Units.Select(u => new SavedUnit(u.Id, u.Code, u.ShortName, u.FullName, u.InternationalAbbreviation))],
        carry ? state.DefaultPriceTypeId ?? state.CarriedDefaultPriceTypeId : state.CarriedDefaultPriceTypeId));

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
        foreach (var p in saved.Properties ?? [])
            state.Classifier.Add(p.Id, new KnownProperty(p.Name, p.ValueType, p.ReferenceValues));
        foreach (var u in saved.Units ?? [])
            state.Classifier.Add(new UnitOfMeasure
            {
                Id = u.Id, Code = u.Code, ShortName = u.ShortName, FullName = u.FullName, InternationalAbbreviation = u.International,
                Location = location,
            });
        foreach (var offerId in saved.DeletedOffers ?? [])
            state.MarkDeletedOffer(offerId);
        foreach (var kind in saved.SeenKinds ?? [])
            state.MarkSeen(kind);
        if (saved.DefaultPriceType is { } defaultPriceType)
            state.DefaultPriceType(defaultPriceType);
        if (saved.CarriedDefaultPriceType is { } carried)
            state.CarryDefaultPriceType(carried);
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
        List<CatalogEntityKind>? SeenKinds, string? DefaultPriceType, List<SavedProperty>? Properties, List<SavedUnit>? Units,
        string? CarriedDefaultPriceType = null);

    private sealed record SavedPriceType(string Id, string Name, string? Currency, PriceTax? Tax);

    private sealed record SavedWarehouse(string Id, string Name, string? Address);

    private sealed record SavedProperty(string Id, string Name, PropertyValueType ValueType, IReadOnlyDictionary<string, string>? ReferenceValues);

    private sealed record SavedUnit(string? Id, string? Code, string? ShortName, string? FullName, string? International);
}
