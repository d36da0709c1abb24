using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Closes a resolved work order once the customer has accepted the resolution.</summary>
[UseCase]
public sealed class CloseWorkOrder(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId);

    public Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        return WorkOrderStep.Apply(db, request.WorkOrderId, at, WorkOrderEventKind.Closed, order =>
        {
            order.MoveTo(WorkOrderStatus.Closed, at);
            return order.MetSla() == true ? "resolved within SLA" : "resolved after its due time";
        }, ct);
    }
}
