using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Service;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>The short lists the search, the sales chart and the work-order board offer as filters (the projects a scope sees, complaint
/// categories, service departments) and the SLA warning fraction: read again on every view although an administrator
/// rarely changes them, so kept while the database is unchanged (<see cref="DataVersion"/>).</summary>
public sealed class ReferenceLists(CrmDbContext db, DataVersion version,
    KeptWhileUnchanged<string, IReadOnlyList<(Guid Id, string Name)>> lists,
    KeptWhileUnchanged<string, IReadOnlyList<(Guid Id, string Code, string Name)>> codedLists, KeptWhileUnchanged<string, double> figures)
{
    /// <summary>The projects <paramref name="scope"/> sees, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProjectsAsync(DataScope scope, CancellationToken ct) =>
        await lists.GetAsync("projects:" + ScopeKey(scope), await version.CurrentAsync(ct), async () =>
            (await VisibleProjects(scope).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList());

    /// <summary>The projects <paramref name="scope"/> sees with their codes, by code (the sales chart's picker).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Code, string Name)>> ProjectsByCodeAsync(DataScope scope, CancellationToken ct) =>
        await codedLists.GetAsync("projects-by-code:" + ScopeKey(scope), await version.CurrentAsync(ct), async () =>
            (await VisibleProjects(scope).OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Code, p.Name)).ToList());

    private IQueryable<Project> VisibleProjects(DataScope scope) =>
        db.Projects.AsNoTracking().Where(p => scope.SeesAll || scope.ProjectIds.Contains(p.Id));

    private static string ScopeKey(DataScope scope) => scope.SeesAll ? "*" : string.Join(',', scope.ProjectIds.Order());

    /// <summary>The complaint categories a work order is filed under (the library's leaves), by code.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ComplaintCategoriesAsync(CancellationToken ct) =>
        await lists.GetAsync("complaint-categories", await version.CurrentAsync(ct), async () =>
            (await db.ComplaintCategories.AsNoTracking().Where(c => c.ParentId != null).OrderBy(c => c.Code)
                .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList());

    /// <summary>The departments work is dispatched to: service and engineering units, by code.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ServiceDepartmentsAsync(CancellationToken ct) =>
        await lists.GetAsync("service-departments", await version.CurrentAsync(ct), async () =>
            (await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Service || u.Kind == OrgUnitKind.Engineering)
                .OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList());

    /// <summary>The share of its SLA after which a work order shows as near due (<see cref="SlaClock.WarnFractionAsync"/>).</summary>
    public async Task<double> SlaWarnFractionAsync(CancellationToken ct) =>
        await figures.GetAsync("sla-warn-fraction", await version.CurrentAsync(ct), () => SlaClock.WarnFractionAsync(db, ct));
}
