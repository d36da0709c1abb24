using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Records what a repair cost and who pays: a warranty repair (保修) is free to the customer; a paid
/// repair is charged to the customer in full.</summary>
[UseCase]
public sealed class RecordRepairCost(CrmDbContext db)
{
    public sealed record Request(Guid WorkOrderId, decimal RepairCost, bool PaidByCustomer);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        new Validator().Require(request.RepairCost is >= 0 and <= 10_000_000m, "repair-cost", "must be between 0 and 10,000,000 yuan").ThrowIfInvalid();
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        if (order.Type != WorkOrderType.Repair)
            throw new DomainException($"work order {order.Number} is a {order.Type}, not a repair", "work-order");
        var chargedBack = (await db.ContractorChargeBacks.Where(c => c.WorkOrderId == order.Id).Select(c => c.Amount).ToListAsync(ct)).Sum();
        if (request.PaidByCustomer && chargedBack > 0)
            throw new DomainException("the repair cost was already charged back to the contractor as warranty work; it cannot become a paid repair", "paid-by-customer");
        if (request.RepairCost < chargedBack)
            throw new DomainException($"{chargedBack:0.00} yuan was already charged back to the contractor; the cost cannot be less", "repair-cost");

        order.IsWarranty = !request.PaidByCustomer;
        order.RepairCost = request.RepairCost;
        order.ChargeToCustomer = request.PaidByCustomer ? request.RepairCost : 0m;
        await db.SaveChangesAsync(ct);
        return order;
    }
}
