using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Domain.Handover;

/// <summary>A batch of units inspected together: a mock inspection (模拟验房) before handover, or the formal handover (正式交付).</summary>
public sealed class InspectionBatch : Entity
{
    public Guid ProjectId { get; set; }
    public InspectionKind Kind { get; set; }
    public required string Name { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public BatchStatus Status { get; set; } = BatchStatus.Planned;
    public List<InspectionUnit> Units { get; set; } = [];
}

public enum InspectionKind { MockInspection, FormalHandover }
public enum BatchStatus { Planned, InProgress, Completed }

/// <summary>One unit in a batch, and how its inspection went.</summary>
public sealed class InspectionUnit : Entity
{
    public Guid BatchId { get; set; }
    public Guid UnitId { get; set; }
    public Guid? CustomerId { get; set; }
    public DateTime? InspectedAt { get; set; }
    public InspectionResult Result { get; set; } = InspectionResult.Pending;
    public DateTime? HandedOverAt { get; set; }
    public List<InspectionIssue> Issues { get; set; } = [];
}

public enum InspectionResult { Pending, Accepted, AcceptedWithIssues, Refused }

/// <summary>A defect found in a unit (e.g. 卫生间渗水), which may become a work order for the contractor.</summary>
public sealed class InspectionIssue : Entity
{
    public Guid InspectionUnitId { get; set; }
    public Guid? CategoryId { get; set; }
    public required string Location { get; set; }
    public required string Description { get; set; }
    public Severity Severity { get; set; }
    public DateTime FoundAt { get; set; }
    public Guid? WorkOrderId { get; set; }
    public DateTime? FixedAt { get; set; }
}
