namespace RealEstateCrm.Etl.Streaming;

/// <summary>How the <see cref="OutboxTailer"/> polls: after an empty poll it waits <see cref="MinIdle"/>, doubling up to
/// <see cref="MaxIdle"/>; a PostgreSQL NOTIFY or a new change ends the wait at once.</summary>
public sealed record StreamingOptions
{
    public TimeSpan MinIdle { get; init; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan MaxIdle { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Run the data-quality checks after every micro-batch (they read every table: off by default).</summary>
    public bool DataQualityChecks { get; init; }
}
