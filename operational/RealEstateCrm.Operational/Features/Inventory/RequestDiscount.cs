using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>A rep asks a manager to allow a discount on a unit above what a rep may grant alone (折扣审批).</summary>
[UseCase]
public sealed class RequestDiscount(CrmDbContext db)
{
    public sealed record Request(Guid UnitId, Guid RequestedByUserId, decimal DiscountPercent, string Reason, Guid? CustomerId = null);

    public async Task<DiscountApproval> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Reason, "reason")
            .Require(request.DiscountPercent is > 0 and < 100, "discount-percent", "must be above 0 and below 100");
        var unit = await db.Units.FindAsync([request.UnitId], ct);
        validator.Require(unit is not null, "unit", $"no unit with id {request.UnitId}");
        validator.Require(await db.Users.AnyAsync(u => u.Id == request.RequestedByUserId, ct), "requested-by", $"no user with id {request.RequestedByUserId}");
        if (request.CustomerId is { } customerId)
            validator.Require(await db.Customers.AnyAsync(c => c.Id == customerId, ct), "customer", $"no customer with id {customerId}");
        validator.ThrowIfInvalid();
        if (unit!.Status != UnitStatus.Available) throw new DomainException($"unit {unit.RoomNo} is {unit.Status}, not for sale", "unit");

        var approval = new DiscountApproval
        {
            UnitId = unit.Id,
            CustomerId = request.CustomerId,
            RequestedByUserId = request.RequestedByUserId,
            DiscountPercent = request.DiscountPercent,
            Reason = request.Reason,
            RequestedAt = DateTime.UtcNow,
        };
        db.DiscountApprovals.Add(approval);
        await db.SaveChangesAsync(ct);
        return approval;
    }
}
