using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>The department or contractor has begun the work.</summary>
[UseCase]
public sealed class StartWorkOrder(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId);

    public Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        return WorkOrderStep.Apply(db, request.WorkOrderId, at, WorkOrderEventKind.Started, order =>
        {
            order.MoveTo(WorkOrderStatus.InProgress, at);
            return null;
        }, ct);
    }
}
