using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>The sales-control chart (销控图): pick a project of the user's scope and one of its buildings; units are
/// coloured by status, filtered by status and price (in 万元, as buyers and reps talk about prices). A project's buildings
/// with their stacks are kept while nothing is written (<see cref="DataVersion"/>): every view of the chart shows them.</summary>
[Authorize(Policy = Functions.SalesRead)]
public sealed class ChartModel(CrmDbContext db, SignedInUser me, ProjectDemand demand, DataVersion version,
    KeptWhileUnchanged<Guid, IReadOnlyList<Building>> buildings, ReferenceLists lists) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Project { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Building { get; set; }
    [BindProperty(SupportsGet = true)] public List<UnitStatus> Status { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "min")] public decimal? MinPriceWan { get; set; }
    [BindProperty(SupportsGet = true, Name = "max")] public decimal? MaxPriceWan { get; set; }
    /// <summary>Shows in each cell how many open leads could buy the unit.</summary>
    [BindProperty(SupportsGet = true)] public bool Demand { get; set; }
    /// <summary>The lead a rep came from ("choose a unit to reserve"): unit links carry it to the reservation form.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Lead { get; set; }

    public IReadOnlyList<(Guid Id, string Code, string Name)> Projects { get; private set; } = [];
    public IReadOnlyList<Building> Buildings { get; private set; } = [];
    public SalesControlChart? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        Projects = await lists.ProjectsByCodeAsync(scope, ct);
        if (Project is null && Projects.Count > 0) Project = Projects[0].Id;
        if (Project is null) return Page();
        // A project id from the browser must be one of the user's own: another team's project is simply not there.
        if (Projects.All(p => p.Id != Project)) return NotFound();
        var project = Project.Value;
        Buildings = await buildings.GetAsync(project, await version.CurrentAsync(ct), async () =>
            await db.Buildings.AsNoTracking().Include(b => b.Stacks).Where(b => b.ProjectId == project).OrderBy(b => b.Name).ToListAsync(ct));
        // After the project changes the form still carries the old project's building: show the new one's first.
        var building = Buildings.SingleOrDefault(b => b.Id == Building) ?? Buildings.FirstOrDefault();
        Building = building?.Id;
        if (building is null) return Page();
        Chart = await SalesControlChart.LoadAsync(db, scope, demand, building, ct);
        return Page();
    }

    /// <summary>Whether the unit passes the filters; units that do not stay in the grid, greyed, so the building keeps its shape.</summary>
    public bool Matches(Unit unit) =>
        (Status.Count == 0 || Status.Contains(unit.Status))
        && (MinPriceWan is null || unit.ListPrice >= MinPriceWan * 10_000m)
        && (MaxPriceWan is null || unit.ListPrice <= MaxPriceWan * 10_000m);

    public static string Wan(decimal price) => (price / 10_000m).ToString("#,0.0", CultureInfo.InvariantCulture);

    /// <summary>The cell's class, named once per status: a building's chart asks for it hundreds of times a view.</summary>
    public static string Css(UnitStatus status) => CssClasses[status];

    private static readonly FrozenDictionary<UnitStatus, string> CssClasses =
        Enum.GetValues<UnitStatus>().Distinct().ToFrozenDictionary(s => s, s => "st-" + s.ToString().ToLowerInvariant());
}
