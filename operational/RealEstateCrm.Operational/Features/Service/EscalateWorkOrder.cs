using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>A service supervisor raises one open work order a level by hand (a customer going to the press, a repeat
/// leak), beside the automatic escalation of <see cref="EscalateOverdueWorkOrders"/>: up to its top level, with the
/// reason in the order's history. The job never lowers a level, so a hand-raised order stays raised and is raised
/// further only when its SLA says so.</summary>
[UseCase]
public sealed class EscalateWorkOrder(CrmDbContext db, TimeProvider clock)
{
    /// <summary>The job's highest level (past due): escalation by hand goes no higher either.</summary>
    public const int TopLevel = 2;

    public sealed record Request(Guid WorkOrderId, Guid SupervisorUserId, string Reason);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        new Validator().NotBlank(request.Reason, "reason", 1000).ThrowIfInvalid();
        var supervisor = await db.Users.FindOrFail(request.SupervisorUserId, "supervisor", ct);
        if (!supervisor.IsSupervisor || !supervisor.IsActive)
            throw new DomainException($"{supervisor.UserName} is not an active supervisor; only a supervisor escalates a work order by hand", "supervisor");
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        if (!order.IsOpen) throw new DomainException($"work order {order.Number} is {order.Status}; only an order still worked on is escalated", "work-order");
        if (order.EscalationLevel >= TopLevel)
            throw new DomainException($"work order {order.Number} is already at the top escalation level ({TopLevel})", "work-order");

        order.EscalationLevel++;
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.EscalatedByHand, clock.GetUtcNow().UtcDateTime, db.Actor, request.Reason.Trim()));
        await db.SaveChangesAsync(ct);
        return order;
    }
}
