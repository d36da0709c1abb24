using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>A visit to the sales office or show flat (来访).</summary>
public sealed class Visit : Entity
{
    public Guid CustomerId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? LeadId { get; set; }
    public Guid? RepUserId { get; set; }
    public DateTime VisitedAt { get; set; }
    public int Party { get; set; } = 1;
    public string? Notes { get; set; }
}
