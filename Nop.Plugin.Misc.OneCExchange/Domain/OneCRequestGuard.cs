using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>
/// The guard of one exchange type while a request of it is processed: at most one row per type (unique index), held
/// by a lease the running request renews, so it works across the processes of a web farm.
/// </summary>
public class OneCRequestGuard : BaseEntity
{
    public const int HolderMaxLength = 32;

    /// <summary>OneCExchange.Core.Exchange.ExchangeType: 0 catalog, 1 sale.</summary>
    public int TypeId { get; set; }

    public string HolderId { get; set; } = "";

    public DateTime ExpiresOnUtc { get; set; }
}
