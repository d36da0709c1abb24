using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Records a visit to the sales office (来访) on a lead, which moves the lead to visited.</summary>
[UseCase]
public sealed class RecordVisit(CrmDbContext db)
{
    public sealed record Request(Guid LeadId, int Party = 1, Guid? RepUserId = null, string? Notes = null, DateTime? At = null);

    public async Task<Visit> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .Require(request.Party is >= 1 and <= 20, "party", "must be between 1 and 20")
            .MaxLength(request.Notes, "notes", 1000);
        var lead = await db.Leads.FindAsync([request.LeadId], ct);
        validator.Require(lead is not null, "lead", $"no lead with id {request.LeadId}");
        if (request.RepUserId is { } rep)
            validator.Require(await db.Users.AnyAsync(u => u.Id == rep, ct), "rep", $"no user with id {rep}");
        validator.ThrowIfInvalid();

        var at = request.At ?? DateTime.UtcNow;
        lead!.AdvanceTo(LeadStatus.Visited, at);
        var visit = new Visit
        {
            CustomerId = lead.CustomerId,
            ProjectId = lead.ProjectId,
            LeadId = lead.Id,
            RepUserId = request.RepUserId ?? lead.AssignedRepUserId,
            VisitedAt = at,
            Party = request.Party,
            Notes = request.Notes,
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit;
    }
}
