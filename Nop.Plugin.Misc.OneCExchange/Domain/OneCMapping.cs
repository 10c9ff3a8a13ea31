using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>Links a store entity to the 1C Ид it was imported from (unique on EntityType + OneCId).</summary>
public class OneCMapping : BaseEntity
{
    /// <summary>A <see cref="OneCEntityType"/>.</summary>
    public int EntityType { get; set; }

    public string OneCId { get; set; } = string.Empty;

    public int EntityId { get; set; }

    public string? ContentHash { get; set; }

    public string? LastSeenSessionId { get; set; }

    public DateTime UpdatedOnUtc { get; set; }
}
