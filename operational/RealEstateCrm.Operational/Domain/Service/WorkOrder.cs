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

    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Whether it was resolved by its due time; null while unresolved.</summary>
    public bool? MetSla() => MetSla(ResolvedAt, DueAt);

    /// <summary>The rule behind <see cref="IsOpen"/>, for a page that reads only the status column.</summary>
    public static bool IsOpenStatus(WorkOrderStatus status) =>
        status is not (WorkOrderStatus.Resolved or WorkOrderStatus.Closed or WorkOrderStatus.Cancelled);

    /// <summary>The rule behind <see cref="MetSla()"/>, for a page that reads only these two columns.</summary>
    public static bool? MetSla(DateTime? resolvedAt, DateTime dueAt) => resolvedAt is null ? null : resolvedAt <= dueAt;

    public void MoveTo(WorkOrderStatus next, DateTime at)
    {
        if (!WorkOrderStatusRules.IsAllowed(Status, next))
            throw new DomainException($"work order {Number} cannot go from {Status} to {next}", nameof(Status));
        Status = next;
        if (next == WorkOrderStatus.Resolved) ResolvedAt = at;
        if (next == WorkOrderStatus.Closed) ClosedAt = at;
    }

    /// <summary>Hands the order to a department (clearing any contractor) or to a contractor (the
    /// department keeps oversight). Dispatch is the first response when nothing came before.</summary>
    public void Dispatch(Guid? departmentId, Guid? contractorId, DateTime at)
    {
        MoveTo(WorkOrderStatus.Dispatched, at);
        if (contractorId is null) DepartmentId = departmentId;
        ContractorId = contractorId;
        FirstResponseAt ??= at;
    }

    /// <summary>The escalation level an open order has reached at <paramref name="now"/>: 1 once
    /// <paramref name="fraction"/> of its SLA has elapsed, 2 once it is past due. Measured back from
    /// <see cref="DueAt"/> so that a reopened order, whose SLA restarted, is judged on its new window.</summary>
    public int EscalationLevelAt(DateTime now, TimeSpan sla, double fraction) =>
        !IsOpen ? 0 : now >= DueAt ? 2 : now >= DueAt - sla * (1 - fraction) ? 1 : 0;

    public WorkOrderEvent Event(WorkOrderEventKind kind, DateTime at, string? byUser, string? note = null) =>
        new() { WorkOrderId = Id, Kind = kind, At = at, ByUser = byUser, Note = note };
}

/// <summary>The work-order life cycle: open → dispatched → in progress → resolved → closed. A dispatched or
/// started order may be dispatched again (wrong team); an inquiry may be resolved straight away; only a
/// resolved or closed order can be reopened.</summary>
public static class WorkOrderStatusRules
{
    private static readonly Dictionary<WorkOrderStatus, WorkOrderStatus[]> Allowed = new()
    {
        [WorkOrderStatus.Open] = [WorkOrderStatus.Dispatched, WorkOrderStatus.Resolved],
        [WorkOrderStatus.Dispatched] = [WorkOrderStatus.Dispatched, WorkOrderStatus.InProgress, WorkOrderStatus.Resolved],
        [WorkOrderStatus.InProgress] = [WorkOrderStatus.Dispatched, WorkOrderStatus.Resolved],
        [WorkOrderStatus.Resolved] = [WorkOrderStatus.Closed, WorkOrderStatus.Open],
        [WorkOrderStatus.Closed] = [WorkOrderStatus.Open],
        [WorkOrderStatus.Cancelled] = [],
    };

    public static bool IsAllowed(WorkOrderStatus from, WorkOrderStatus to) => Allowed[from].Contains(to);
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

/// <summary>Escalated: raised by the SLA job; EscalatedByHand: raised by a supervisor, the note is the reason.</summary>
public enum WorkOrderEventKind { Opened, Dispatched, Started, Escalated, Resolved, Replied, Closed, Reopened, Cancelled, ChargedBack, Compensated, EscalatedByHand }
