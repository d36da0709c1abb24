using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Marketing;

/// <summary>A competing developer (竞争对手).</summary>
public sealed class Competitor : Entity
{
    public required string Name { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A competitor's development, placed near one of ours so price gaps can be computed.</summary>
public sealed class CompetitorProject : Entity
{
    public Guid CompetitorId { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public string? District { get; set; }
    public Guid? NearProjectId { get; set; }
}

/// <summary>A price seen at a competitor's project on a date (from a site visit, ad, or agency).</summary>
public sealed class CompetitorPriceObservation : Entity
{
    public Guid CompetitorProjectId { get; set; }
    public DateOnly ObservedOn { get; set; }
    public decimal PricePerSqm { get; set; }
    public string? Source { get; set; }
}
