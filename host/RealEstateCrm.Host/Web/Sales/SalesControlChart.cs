using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>One building of the sales-control chart (销控图): its units by floor × stack, and the demand for them
/// from the project's open leads. The units are read through the user's data scope; the caller has checked the project
/// is in it, so its leads are all his to see.</summary>
public sealed record SalesControlChart(Building Building, IReadOnlyList<int> Floors, IReadOnlyList<BuildingStack> Stacks,
    IReadOnlyDictionary<(int Floor, int Stack), Unit> Units, IReadOnlyDictionary<UnitStatus, int> Counts,
    IReadOnlyList<SalesControlChart.Demand> DemandByBedrooms, IReadOnlyDictionary<Guid, int> AffordingLeads)
{
    /// <summary>Open leads on the project wanting this many bedrooms (null: did not say), how many of them the
    /// lead-score model has scored on a call list, and their average latest score (0–1).</summary>
    public sealed record Demand(int? Bedrooms, int Leads, int Scored, double? AverageScore);

    public Unit? At(int floor, int stack) => Units.GetValueOrDefault((floor, stack));

    public static async Task<SalesControlChart> LoadAsync(CrmDbContext db, DataScope scope, ProjectDemand projectDemand, Building building, CancellationToken ct)
    {
        var units = await db.VisibleUnits(scope).AsNoTracking().Where(u => u.BuildingId == building.Id).ToListAsync(ct);
        var stacks = building.Stacks.Count > 0 ? building.Stacks.OrderBy(s => s.StackNo).ToList()
            : units.Select(u => u.StackNo).Distinct().Order().Select(n => new BuildingStack { StackNo = n, Layout = "" }).ToList();
        var topFloor = Math.Max(building.Floors, units.Count > 0 ? units.Max(u => u.Floor) : 0);
        var counts = Enum.GetValues<UnitStatus>().ToDictionary(s => s, s => units.Count(u => u.Status == s));

        var leads = await projectDemand.OpenLeadsAsync(building.ProjectId, ct);
        var demand = leads.GroupBy(l => l.WantedBedrooms).OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g =>
            {
                var scored = g.Where(l => l.Score is not null).Select(l => l.Score!.Value).ToList();
                return new Demand(g.Key, g.Count(), scored.Count, scored.Count > 0 ? scored.Average() : null);
            })
            .ToList();
        var affording = Affording(units, leads);
        return new SalesControlChart(building, Enumerable.Range(1, topFloor).Reverse().ToList(), stacks,
            units.ToDictionary(u => (u.Floor, u.StackNo)), counts, demand, affording);
    }

    /// <summary>Per unit, the open leads that can afford it: they want that many bedrooms (or did not say) and their
    /// budget reaches the list price. Budgets are sorted once per bedroom count and each unit counts by binary search,
    /// since a large project has thousands of open leads for each of a building's hundreds of units.</summary>
    private static Dictionary<Guid, int> Affording(IReadOnlyList<Unit> units, IReadOnlyList<ProjectDemand.OpenLead> leads)
    {
        var budgets = leads.Where(l => l.Budget is not null).GroupBy(l => l.WantedBedrooms)
            .ToDictionary(g => g.Key ?? -1, g => g.Select(l => l.Budget!.Value).Order().ToArray());
        int Reaching(int? bedrooms, decimal price)
        {
            if (!budgets.TryGetValue(bedrooms ?? -1, out var sorted)) return 0;
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
        return units.ToDictionary(u => u.Id, u => Reaching(u.Bedrooms, u.ListPrice) + Reaching(null, u.ListPrice));
    }
}
