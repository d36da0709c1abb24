using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Reopens a resolved or closed order the customer is not satisfied with. The SLA restarts from
/// now with the category's hours, and escalation starts over with it: the team is judged on the new window.
/// An issue from an inspection is open again too.</summary>
[UseCase]
public sealed class ReopenWorkOrder(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId, string Reason);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        new Validator().NotBlank(request.Reason, "reason", 2000).ThrowIfInvalid();
        var at = clock.GetUtcNow().UtcDateTime;
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        var slaHours = await db.ComplaintCategories.Where(c => c.Id == order.CategoryId).Select(c => (int?)c.SlaHours).SingleOrDefaultAsync(ct);
        var sla = slaHours is { } hours ? TimeSpan.FromHours(hours) : order.DueAt - order.OpenedAt;

        order.MoveTo(WorkOrderStatus.Open, at);
        order.ReopenCount++;
        order.DueAt = at + sla;
        order.ResolvedAt = null;
        order.ClosedAt = null;
        order.Resolution = null;
        order.EscalationLevel = 0;
        if (order.InspectionIssueId is { } issueId)
            (await db.InspectionIssues.SingleAsync(i => i.Id == issueId, ct)).FixedAt = null;
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Reopened, at, db.Actor, request.Reason.Trim()));
        await db.SaveChangesAsync(ct);
        return order;
    }
}
