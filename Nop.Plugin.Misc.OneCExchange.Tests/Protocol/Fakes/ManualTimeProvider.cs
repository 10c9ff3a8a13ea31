namespace OneCExchange.Tests.Protocol.Fakes;

/// <summary>A clock the test moves by hand (lock expiry, lock-out end).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
