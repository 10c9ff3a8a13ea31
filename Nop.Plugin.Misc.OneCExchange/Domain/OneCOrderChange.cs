using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>
/// The change version of one order (table OneCOrderChange, unique on OrderId), raised by every order event. Only the
/// event consumer writes this table and only the exchange writes <see cref="OneCOrderExport"/>, so a storefront
/// change that happens while an exchange hands orders out or confirms them is never overwritten by it.
/// </summary>
public class OneCOrderChange : BaseEntity
{
    public int OrderId { get; set; }

    public int ChangeVersion { get; set; }

    public DateTime ChangedOnUtc { get; set; }

    /// <summary>When the order was placed or its status last changed.</summary>
    public DateTime? StatusChangedOnUtc { get; set; }
}
