using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Customers;

/// <summary>The record of one duplicate folded into a survivor: who did it, why, and how many rows moved.</summary>
public sealed class CustomerMerge : Entity
{
    public Guid SurvivorId { get; set; }
    public Guid MergedId { get; set; }
    public required string Reason { get; set; }
    public int RowsMoved { get; set; }
    public required string MergedBy { get; set; }
    public DateTime MergedAt { get; set; }
}
