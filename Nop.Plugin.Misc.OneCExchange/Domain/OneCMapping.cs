using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>Links a 1C id (Ид) to the store entity imported from it.</summary>
public class OneCMapping : BaseEntity
{
    public const int OneCIdMaxLength = 150;
    public const int ContentHashMaxLength = 64;
    public const int SessionIdMaxLength = 64;

    public int EntityTypeId { get; set; }

    /// <summary>The 1C id as 1C sent it (a GUID, or "GUID#GUID" for a characteristic).</summary>
    public string OneCId { get; set; } = "";

    public int EntityId { get; set; }

    /// <summary>A hash of what was last applied, so unchanged items are skipped.</summary>
    public string? ContentHash { get; set; }

    /// <summary>The last exchange session that carried the item (to find items missing from a full exchange).</summary>
    public string? LastSeenSessionId { get; set; }

    public DateTime UpdatedOnUtc { get; set; }

    public OneCEntityType EntityType
    {
        get => (OneCEntityType)EntityTypeId;
        set => EntityTypeId = (int)value;
    }
}
