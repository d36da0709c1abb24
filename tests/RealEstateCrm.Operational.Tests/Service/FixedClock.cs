namespace RealEstateCrm.Operational.Tests.Service;

/// <summary>A clock the test moves by hand, so SLA and escalation outcomes do not depend on when the test runs.</summary>
public sealed class FixedClock(DateTime utcNow) : TimeProvider
{
    public DateTime UtcNow { get; private set; } = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);

    public void Advance(TimeSpan by) => UtcNow += by;
}
