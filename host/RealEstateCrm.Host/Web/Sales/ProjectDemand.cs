using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>Each project's open leads with their latest call-list scores, the sales-control chart's demand. Reading a
/// large project's thousand leads and their scores cost more than the rest of the chart, and a sales office opens the
/// same project's chart all day, so the leads are kept per project and reused while the database is unchanged
/// (<see cref="DataVersion"/>).</summary>
public sealed class ProjectDemand(CrmDbContext db, DataVersion version, KeptWhileUnchanged<Guid, IReadOnlyList<ProjectDemand.OpenLead>> kept)
{
    public sealed record OpenLead(Guid Id, int? WantedBedrooms, decimal? Budget, double? Score);

    /// <summary>The caller has checked that the project is in the user's scope; its leads are then all his to see.</summary>
    public async Task<IReadOnlyList<OpenLead>> OpenLeadsAsync(Guid projectId, CancellationToken ct) =>
        await kept.GetAsync(projectId, await version.CurrentAsync(ct), () => ReadAsync(db, projectId, ct));

    private static async Task<IReadOnlyList<OpenLead>> ReadAsync(CrmDbContext db, Guid projectId, CancellationToken ct)
    {
        var open = db.Leads.Where(l => l.ProjectId == projectId && l.Status != LeadStatus.Won && l.Status != LeadStatus.Lost);
        var leads = await open.AsNoTracking().Select(l => new { l.Id, l.WantedBedrooms, l.Budget }).ToListAsync(ct);
        var scores = await (from e in db.CallListEntries
                            join l in open on e.LeadId equals l.Id
                            join list in db.CallLists on e.CallListId equals list.Id
                            select new { LeadId = l.Id, list.ForDate, list.CreatedAt, e.Score }).ToListAsync(ct);
        var latest = scores.GroupBy(s => s.LeadId).ToDictionary(g => g.Key, g => g.MaxBy(s => (s.ForDate, s.CreatedAt))!.Score);
        return leads.Select(l => new OpenLead(l.Id, l.WantedBedrooms, l.Budget, latest.TryGetValue(l.Id, out var s) ? s : null)).ToList();
    }
}
