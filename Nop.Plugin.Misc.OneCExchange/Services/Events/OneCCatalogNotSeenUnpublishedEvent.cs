using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Events;

/// <summary>
/// Published when a full exchange's completion has unpublished the categories or products of 1C that the exchange did
/// not carry: the session, the kind, how many, and the time written to their UpdatedOnUtc (a search index can re-read
/// the entities updated then). One event per kind, instead of an entity event per row.
/// </summary>
public class OneCCatalogNotSeenUnpublishedEvent(string sessionId, CatalogEntityKind kind, int count, DateTime unpublishedOnUtc)
{
    public string SessionId { get; } = sessionId;

    public CatalogEntityKind Kind { get; } = kind;

    public int Count { get; } = count;

    public DateTime UnpublishedOnUtc { get; } = unpublishedOnUtc;
}
