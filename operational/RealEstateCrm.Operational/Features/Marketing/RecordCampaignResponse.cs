using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Records that a targeted customer responded to a campaign. The first response counts; the
/// campaign's response rate is members who responded over members.</summary>
[UseCase]
public sealed class RecordCampaignResponse(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid CampaignId, Guid CustomerId);

    public async Task<CampaignMember> Handle(Request request, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.FindOrFail(request.CampaignId, "campaign", ct);
        var member = await db.CampaignMembers.SingleOrDefaultAsync(m => m.CampaignId == campaign.Id && m.CustomerId == request.CustomerId, ct)
            ?? throw new DomainException($"the customer is not a member of campaign {campaign.Code}", "customer");
        if (member.RespondedAt is { } earlier)
            throw new DomainException($"the customer already responded at {earlier:u}", "customer");
        member.RespondedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return member;
    }
}
