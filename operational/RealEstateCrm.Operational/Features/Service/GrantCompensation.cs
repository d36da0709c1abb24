using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Records compensation (赔付) granted to the work order's customer.</summary>
[UseCase]
public sealed class GrantCompensation(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId, CompensationKind Kind, decimal Amount, string? ApprovedBy = null);

    public async Task<Compensation> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(Enum.IsDefined(request.Kind), "kind", "must be Cash, PropertyFeeWaiver, Gift or RentAllowance")
            .Require(request.Amount is > 0 and <= 10_000_000m, "amount", "must be more than 0 and at most 10,000,000 yuan")
            .Require(request.ApprovedBy is null || request.ApprovedBy.Length <= 200, "approved-by", "is longer than 200 characters")
            .ThrowIfInvalid();
        var at = clock.GetUtcNow().UtcDateTime;
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        var compensation = new Compensation
        {
            WorkOrderId = order.Id,
            CustomerId = order.CustomerId,
            Kind = request.Kind,
            Amount = request.Amount,
            ApprovedBy = request.ApprovedBy,
            GrantedAt = at,
        };
        db.Compensations.Add(compensation);
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Compensated, at, db.Actor, $"{request.Kind} {request.Amount:0.00} yuan"));
        await db.SaveChangesAsync(ct);
        return compensation;
    }
}
