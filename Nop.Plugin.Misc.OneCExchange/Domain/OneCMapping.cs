using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>
/// One 1C id mapped to a store entity: (EntityType, OneCId) is unique. ContentHash is what was last written
/// (unchanged items are skipped by it); LastSeenSessionId is the last exchange session that carried the item.
/// </summary>
public class OneCMapping : BaseEntity
{
    public int EntityType { get; set; }

    public string OneCId { get; set; } = string.Empty;

    public int EntityId { get; set; }

    public string? ContentHash { get; set; }

    public string? LastSeenSessionId { get; set; }

    public DateTime UpdatedOnUtc { get; set; }
}
