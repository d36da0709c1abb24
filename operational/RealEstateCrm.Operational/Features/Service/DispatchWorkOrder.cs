using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Sends a work order to a department or to a contractor (承建商). A contractor takes only the work it
/// is responsible for: a scope for the order's project and category.</summary>
[UseCase]
public sealed class DispatchWorkOrder(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId, Guid? DepartmentId = null, Guid? ContractorId = null);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(request.DepartmentId is null != request.ContractorId is null, "department", "give either a department or a contractor")
            .Require(await db.OrgUnits.ExistsOrAbsent(request.DepartmentId, ct), "department", Lookups.NotFoundMessage<OrgUnit>(request.DepartmentId))
            .ThrowIfInvalid();
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        var at = clock.GetUtcNow().UtcDateTime;
        string target;
        if (request.ContractorId is { } contractorId)
        {
            var contractor = await db.Contractors.FindOrFail(contractorId, "contractor", ct);
            if (!await db.ContractorScopes.AnyAsync(s => s.ContractorId == contractorId && s.ProjectId == order.ProjectId && s.ComplaintCategoryId == order.CategoryId, ct))
                throw new DomainException($"contractor {contractor.Name} is not responsible for this order's category in its project (no contractor scope)", "contractor");
            target = $"contractor {contractor.Name}";
        }
        else target = $"department {(await db.OrgUnits.SingleAsync(u => u.Id == request.DepartmentId, ct)).Name}";

        order.Dispatch(request.DepartmentId, request.ContractorId, at);
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Dispatched, at, db.Actor, $"to {target}"));
        await db.SaveChangesAsync(ct);
        return order;
    }
}
