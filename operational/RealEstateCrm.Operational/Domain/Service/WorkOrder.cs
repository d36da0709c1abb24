using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>A work order (任务/工单). <see cref="DueAt"/> comes from its category's SLA hours; the
/// history of what happened to it is in <see cref="WorkOrderEvent"/>.</summary>
public sealed class WorkOrder : Entity
{
    public required string Number { get; set; }
    public WorkOrderType Type { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? CategoryId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public WorkOrderStatus Status { get; set; } = WorkOrderStatus.Open;
    public Severity Priority { get; set; } = Severity.Normal;
    public DateTime OpenedAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? DepartmentId { get; set; }
    public Guid? ContractorId { get; set; }
    public int EscalationLevel { get; set; }
    public string? Resolution { get; set; }
    public string? ReplyToCustomer { get; set; }
    public DateTime? RepliedAt { get; set; }
    public bool IsWarranty { get; set; } = true;
    public decimal RepairCost { get; set; }
    public decimal ChargeToCustomer { get; set; }
    public Guid? ComplaintTopicId { get; set; }
    public int ReopenCount { get; set; }
    public Guid? ReceptionRecordId { get; set; }
    public Guid? InspectionIssueId { get; set; }

    public bool IsOpen => Status is not (WorkOrderStatus.Resolved or WorkOrderStatus.Closed or WorkOrderStatus.Cancelled);
}

public enum WorkOrderType { Complaint, Repair, Inquiry, Request }
public enum WorkOrderStatus { Open, Dispatched, InProgress, Resolved, Closed, Cancelled }

/// <summary>Something that happened to a work order: dispatched, escalated, resolved, reopened, replied.</summary>
public sealed class WorkOrderEvent : Entity
{
    public Guid WorkOrderId { get; set; }
    public DateTime At { get; set; }
    public WorkOrderEventKind Kind { get; set; }
    public string? ByUser { get; set; }
    public string? Note { get; set; }
}

public enum WorkOrderEventKind { Opened, Dispatched, Started, Escalated, Resolved, Replied, Closed, Reopened, Cancelled, ChargedBack, Compensated }
