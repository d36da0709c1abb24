using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Opens a complaint, repair, inquiry or request from the standard complaint library.</summary>
[UseCase]
public sealed class OpenWorkOrder(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(WorkOrderType Type, Guid CustomerId, Guid CategoryId, string Title, string? Description = null, Guid? ProjectId = null, Guid? UnitId = null);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        var order = await new WorkOrderOpener(db).Open(
            new WorkOrderOpener.Draft(request.Type, request.CustomerId, request.CategoryId, request.Title, request.Description, request.ProjectId, request.UnitId),
            clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return order;
    }
}
