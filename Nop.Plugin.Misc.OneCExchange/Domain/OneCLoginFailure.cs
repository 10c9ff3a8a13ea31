using Nop.Core;

namespace Nop.Plugin.Misc.OneCExchange.Domain;

/// <summary>Failed exchange logins from one address and its lock-out; kept so a lock-out survives a restart.</summary>
public class OneCLoginFailure : BaseEntity
{
    public const int AddressMaxLength = 64;

    public string Address { get; set; } = "";

    public int FailureCount { get; set; }

    public DateTime LastFailureOnUtc { get; set; }

    public DateTime? LockedUntilOnUtc { get; set; }
}
