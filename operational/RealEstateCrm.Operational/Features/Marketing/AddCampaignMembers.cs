using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Puts customers on a campaign's target list. A customer who has not given marketing consent is
/// skipped and reported, not refused, so one list with a few such names still goes through.</summary>
[UseCase]
public sealed class AddCampaignMembers(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid CampaignId, IReadOnlyList<Guid> CustomerIds);

    public sealed record Result(int Added, IReadOnlyList<string> SkippedWithoutConsent, int AlreadyMembers);

    public async Task<Result> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator().Require(request.CustomerIds.Count > 0, "customers", "at least one customer is required");
        var campaign = await db.Campaigns.FindOrFail(request.CampaignId, "campaign", ct);
        var ids = request.CustomerIds.Distinct().ToList();
        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var missing in ids.Except(customers.Select(c => c.Id)))
            validator.Require(false, "customers", Lookups.NotFoundMessage<Customer>(missing));
        validator.ThrowIfInvalid();
        if (campaign.Status is CampaignStatus.Finished or CampaignStatus.Cancelled)
            throw new DomainException($"campaign {campaign.Code} is {campaign.Status}", "campaign");

        var members = await db.CampaignMembers.Where(m => m.CampaignId == campaign.Id && ids.Contains(m.CustomerId)).Select(m => m.CustomerId).ToListAsync(ct);
        var skipped = customers.Where(c => !c.MarketingConsent).OrderBy(c => c.Code).Select(c => $"{c.Code} {c.Name}").ToList();
        var at = clock.GetUtcNow().UtcDateTime;
        var added = customers.Where(c => c.MarketingConsent && !members.Contains(c.Id))
            .Select(c => new CampaignMember { CampaignId = campaign.Id, CustomerId = c.Id, AddedAt = at }).ToList();
        db.CampaignMembers.AddRange(added);
        await db.SaveChangesAsync(ct);
        return new Result(added.Count, skipped, customers.Count(c => c.MarketingConsent && members.Contains(c.Id)));
    }
}
