using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>Approves or rejects a discount request. Only a user with the approve-discount function may
/// decide, and a decision is final.</summary>
[UseCase]
public sealed class DecideDiscount(CrmDbContext db)
{
    public sealed record Request(Guid ApprovalId, Guid DeciderUserId, bool Approve);

    public async Task<DiscountApproval> Handle(Request request, CancellationToken ct = default)
    {
        var approval = await db.DiscountApprovals.FindOrFail(request.ApprovalId, "approval", ct);
        await UserFunctions.RequireAsync(db, request.DeciderUserId, Functions.ApproveDiscount, "decider", ct);
        approval.Decide(request.Approve, request.DeciderUserId, DateTime.UtcNow);
        await db.SaveRefusingConflictsAsync("the discount request", "approval", ct);
        return approval;
    }
}
