using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>The shape every life-cycle step shares: load the order, apply the change (which may refuse),
/// record the event and save the two together.</summary>
internal static class WorkOrderStep
{
    public static async Task<WorkOrder> Apply(CrmDbContext db, Guid workOrderId, DateTime at, WorkOrderEventKind kind,
        Func<WorkOrder, string?> change, CancellationToken ct)
    {
        var order = await db.WorkOrders.FindOrFail(workOrderId, "work-order", ct);
        var note = change(order);
        db.WorkOrderEvents.Add(order.Event(kind, at, db.Actor, note));
        await db.SaveChangesAsync(ct);
        return order;
    }
}
