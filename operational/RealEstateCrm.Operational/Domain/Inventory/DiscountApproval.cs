using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Inventory;

/// <summary>A request to sell a unit below list price by more than a rep may grant alone (折扣审批).</summary>
public sealed class DiscountApproval : Entity
{
    public Guid UnitId { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid RequestedByUserId { get; set; }
    public decimal DiscountPercent { get; set; }
    public required string Reason { get; set; }
    public ApprovalStatus Status { get; set; } = ApprovalStatus.Pending;
    public Guid? DecidedByUserId { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? DecidedAt { get; set; }

    public void Decide(bool approved, Guid deciderUserId, DateTime at)
    {
        if (Status != ApprovalStatus.Pending) throw new DomainException($"the discount request was already {Status}", "approval");
        Status = approved ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        DecidedByUserId = deciderUserId;
        DecidedAt = at;
    }
}

public enum ApprovalStatus { Pending, Approved, Rejected }
