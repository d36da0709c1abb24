using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Records how a work order was resolved. An order raised from an inspection issue marks that
/// issue fixed, which is what lets the unit be handed over.</summary>
[UseCase]
public sealed class ResolveWorkOrder(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId, string Resolution);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        new Validator().NotBlank(request.Resolution, "resolution", 2000).ThrowIfInvalid();
        var at = clock.GetUtcNow().UtcDateTime;
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        order.MoveTo(WorkOrderStatus.Resolved, at);
        order.Resolution = request.Resolution.Trim();
        if (order.InspectionIssueId is { } issueId)
            (await db.InspectionIssues.SingleAsync(i => i.Id == issueId, ct)).FixedAt = at;
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Resolved, at, db.Actor, order.MetSla() == true ? "within SLA" : "past due"));
        await db.SaveChangesAsync(ct);
        return order;
    }
}
