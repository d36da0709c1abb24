using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Deducts a warranty repair's cost from the responsible contractor (扣维修款). Only the contractor
/// the order was dispatched to, and never more in total than the repair cost.</summary>
[UseCase]
public sealed class ChargeBackToContractor(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId, decimal Amount, string? Note = null);

    public async Task<ContractorChargeBack> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(request.Amount > 0, "amount", "must be more than 0")
            .Require(request.Note is null || request.Note.Length <= 200, "note", "is longer than 200 characters")
            .ThrowIfInvalid();
        var at = clock.GetUtcNow().UtcDateTime;
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        if (!order.IsWarranty)
            throw new DomainException($"work order {order.Number} is a paid repair; only warranty repairs are charged back", "work-order");
        if (order.ContractorId is not { } contractorId)
            throw new DomainException($"work order {order.Number} was not dispatched to a contractor", "work-order");
        var already = (await db.ContractorChargeBacks.Where(c => c.WorkOrderId == order.Id).Select(c => c.Amount).ToListAsync(ct)).Sum();
        if (already + request.Amount > order.RepairCost)
            throw new DomainException($"charge-backs would total {already + request.Amount:0.00} yuan, more than the repair cost of {order.RepairCost:0.00}", "amount");

        var chargeBack = new ContractorChargeBack { WorkOrderId = order.Id, ContractorId = contractorId, Amount = request.Amount, ChargedAt = at, Note = request.Note };
        db.ContractorChargeBacks.Add(chargeBack);
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.ChargedBack, at, db.Actor, $"{request.Amount:0.00} yuan"));
        await db.SaveChangesAsync(ct);
        return chargeBack;
    }
}
