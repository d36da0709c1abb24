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
    IReadOnlyList<ProjectDemand.Demand> DemandByBedrooms, IReadOnlyDictionary<Guid, int> AffordingLeads)
{
    public Unit? At(int floor, int stack) => Units.GetValueOrDefault((floor, stack));

    public static async Task<SalesControlChart> LoadAsync(CrmDbContext db, DataScope scope, ProjectDemand projectDemand, Building building, CancellationToken ct)
    {
        var units = await db.VisibleUnits(scope).AsNoTracking().Where(u => u.BuildingId == building.Id).ToListAsync(ct);
        var stacks = building.Stacks.Count > 0 ? building.Stacks.OrderBy(s => s.StackNo).ToList()
            : units.Select(u => u.StackNo).Distinct().Order().Select(n => new BuildingStack { StackNo = n, Layout = "" }).ToList();
        var topFloor = Math.Max(building.Floors, units.Count > 0 ? units.Max(u => u.Floor) : 0);
        var counts = Enum.GetValues<UnitStatus>().ToDictionary(s => s, s => units.Count(u => u.Status == s));
        var demand = await projectDemand.OfProjectAsync(building.ProjectId, ct);
        return new SalesControlChart(building, Enumerable.Range(1, topFloor).Reverse().ToList(), stacks,
            units.ToDictionary(u => (u.Floor, u.StackNo)), counts, demand.ByBedrooms,
            units.ToDictionary(u => u.Id, u => demand.Affording(u.Bedrooms, u.ListPrice)));
    }
}
