using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>Each project's demand from its open leads, the sales-control chart's demand: per bedroom count the leads, how
/// many have a call-list score and their average latest score, and the leads' budgets sorted per bedroom count. Reading a
/// large project's thousand leads and their scores cost more than the rest of the chart, and a sales office opens the
/// same project's chart all day, so the demand is kept per project and reused while the database is unchanged
/// (<see cref="DataVersion"/>). Summarised and sorted once when read: grouping and sorting the leads again on every view
/// made the chart the page that allocated the most.</summary>
public sealed class ProjectDemand(CrmDbContext db, DataVersion version, KeptWhileUnchanged<Guid, ProjectDemand.Summary> kept)
{
    /// <summary>Open leads on the project wanting this many bedrooms (null: did not say), how many of them the
    /// lead-score model has scored on a call list, and their average latest score (0–1).</summary>
    public sealed record Demand(int? Bedrooms, int Leads, int Scored, double? AverageScore);

    /// <param name="ByBedrooms">by bedroom count, "did not say" last</param>
    /// <param name="Budgets">the budgets of the leads that gave one, ascending, by the bedrooms they want (-1: did not say)</param>
    public sealed record Summary(IReadOnlyList<Demand> ByBedrooms, IReadOnlyDictionary<int, decimal[]> Budgets)
    {
        /// <summary>The open leads that can afford a unit: they want its bedrooms (or did not say) and their budget reaches
        /// its list price. By binary search: a large project has thousands of open leads for each of a building's hundreds of units.</summary>
        public int Affording(int? bedrooms, decimal price) => Reaching(bedrooms ?? -1, price) + Reaching(-1, price);

        private int Reaching(int bedrooms, decimal price)
        {
            if (!Budgets.TryGetValue(bedrooms, out var sorted)) return 0;
            var first = 0;
            var last = sorted.Length;
            while (first < last)
            {
                var middle = (first + last) / 2;
                if (sorted[middle] >= price) last = middle;
                else first = middle + 1;
            }
            return sorted.Length - first;
        }
    }

    /// <summary>The caller has checked that the project is in the user's scope; its leads are then all his to see.</summary>
    public async Task<Summary> OfProjectAsync(Guid projectId, CancellationToken ct) =>
        await kept.GetAsync(projectId, await version.CurrentAsync(ct), () => ReadAsync(db, projectId, ct));

    private static async Task<Summary> ReadAsync(CrmDbContext db, Guid projectId, CancellationToken ct)
    {
        var open = db.Leads.Where(l => l.ProjectId == projectId && l.Status != LeadStatus.Won && l.Status != LeadStatus.Lost);
        var leads = await open.AsNoTracking().Select(l => new { l.Id, l.WantedBedrooms, l.Budget }).ToListAsync(ct);
        var scores = await (from e in db.CallListEntries
                            join l in open on e.LeadId equals l.Id
                            join list in db.CallLists on e.CallListId equals list.Id
                            select new { LeadId = l.Id, list.ForDate, list.CreatedAt, e.Score }).ToListAsync(ct);
        var latest = scores.GroupBy(s => s.LeadId).ToDictionary(g => g.Key, g => g.MaxBy(s => (s.ForDate, s.CreatedAt))!.Score);
        var byBedrooms = leads.GroupBy(l => l.WantedBedrooms).OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g =>
            {
                var scored = g.Where(l => latest.ContainsKey(l.Id)).Select(l => latest[l.Id]).ToList();
                return new Demand(g.Key, g.Count(), scored.Count, scored.Count > 0 ? scored.Average() : null);
            })
            .ToList();
        var budgets = leads.Where(l => l.Budget is not null).GroupBy(l => l.WantedBedrooms ?? -1)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Budget!.Value).Order().ToArray());
        return new Summary(byBedrooms, budgets);
    }
}
