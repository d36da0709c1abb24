using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Customers;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Registers a customer's interest in a project (线索). A customer has at most one open lead per
/// project: registering again returns the open lead instead of splitting its history in two.</summary>
[UseCase]
public sealed class CreateLead(CrmDbContext db)
{
    public sealed record Request(Guid CustomerId, Guid ProjectId, Channel Channel, Guid? CampaignId = null, Guid? RepUserId = null,
        decimal? Budget = null, int? WantedBedrooms = null, DateTime? At = null);

    public sealed record Result(Lead Lead, bool Created);

    public async Task<Result> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .Require(request.Budget is null or > 0, "budget", "must be positive")
            .Require(request.WantedBedrooms is null or >= 0 and <= 10, "wanted-bedrooms", "must be between 0 and 10");
        validator.Require(await db.Projects.AnyAsync(p => p.Id == request.ProjectId, ct), "project", $"no project with id {request.ProjectId}");
        if (request.CampaignId is { } campaign)
            validator.Require(await db.Campaigns.AnyAsync(c => c.Id == campaign, ct), "campaign", $"no campaign with id {campaign}");
        if (request.RepUserId is { } rep)
            validator.Require(await db.Users.AnyAsync(u => u.Id == rep && u.IsActive, ct), "rep", $"no active user with id {rep}");
        validator.ThrowIfInvalid();
        var customer = await LiveCustomer.RequireAsync(db, request.CustomerId, ct);

        var open = await db.Leads.FirstOrDefaultAsync(l => l.CustomerId == customer.Id && l.ProjectId == request.ProjectId
                                                           && l.Status != LeadStatus.Won && l.Status != LeadStatus.Lost, ct);
        if (open is not null) return new Result(open, false);

        var lead = new Lead
        {
            CustomerId = customer.Id,
            ProjectId = request.ProjectId,
            Channel = request.Channel,
            CampaignId = request.CampaignId,
            AssignedRepUserId = request.RepUserId,
            Budget = request.Budget,
            WantedBedrooms = request.WantedBedrooms,
            CreatedAt = request.At ?? DateTime.UtcNow,
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync(ct);
        return new Result(lead, true);
    }
}
