namespace OneCExchange.Core.Exchange;

/// <summary>What 1C asks at the end of a catalog exchange (mode=deactivate, mode=complete, or an old-style full file).</summary>
/// <param name="DeactivateMissing">True only after a full exchange: items the session did not carry may be unpublished.</param>
public sealed record CatalogCompletion(string SessionId, bool DeactivateMissing, DateTimeOffset SessionStartedAt);

/// <summary>Applies the "missing items" policy and finishes a catalog exchange; returns a message for 1C.</summary>
public interface ICatalogCompletion
{
    Task<string> CompleteAsync(CatalogCompletion completion, CancellationToken cancellationToken);
}
