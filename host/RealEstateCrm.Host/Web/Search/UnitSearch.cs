using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Search;

/// <summary>Units in the user's scope by room number, project, city, status, list price and area ranges.</summary>
public sealed class UnitSearch(CrmDbContext db, DataScope scope, Text text) : ISearchKind
{
    public string Function => Functions.SalesRead;

    public IReadOnlyList<SearchColumn> Columns { get; } =
    [
        new("Project", "project"), new("Building"), new("Room", "room"), new("Layout"), new("Area (m²)", "area", true),
        new("List price", "price", true), new("Status", "status"),
    ];

    // Member-initialised (not a positional record) so EF can still filter and order by its members after the projection.
    private sealed class Found
    {
        public required Unit Unit { get; init; }
        public required string Project { get; init; }
        public required string Building { get; init; }
    }

    private IQueryable<Unit> Filter(SearchCriteria c)
    {
        var units = db.VisibleUnits(scope).AsNoTracking();
        if (c.TrimmedText is { } room) units = units.Where(u => u.RoomNo.Contains(room));
        if (c.ProjectId is { } project) units = units.Where(u => u.ProjectId == project);
        if (c.UnitStatus is { } status) units = units.Where(u => u.Status == status);
        // Ranges and sorts on price and area compare them as doubles: SQLite keeps decimals as text and compares them
        // through a .NET callback per row (ten times slower over the 50,000 units of a medium developer); a double
        // holds any list price or area to the cent. The WebSearchIndexes migration indexes exactly these casts with the
        // status, so keep the expressions as they are.
        if (c.MinPrice is { } minPrice) units = units.Where(u => (double)u.ListPrice >= (double)minPrice);
        if (c.MaxPrice is { } maxPrice) units = units.Where(u => (double)u.ListPrice <= (double)maxPrice);
        if (c.MinArea is { } minArea) units = units.Where(u => (double)u.Area >= (double)minArea);
        if (c.MaxArea is { } maxArea) units = units.Where(u => (double)u.Area <= (double)maxArea);
        if (c.TrimmedCity is { } city) units = units.Where(u => db.Projects.Any(p => p.Id == u.ProjectId && p.City == city));
        return units;
    }

    // Counted on the units alone: joining every match to its project and building for nothing costs a row read each.
    public Task<int> CountAsync(SearchCriteria criteria, CancellationToken ct) => Filter(criteria).CountAsync(ct);

    public async Task<IReadOnlyList<SearchRow>> RowsAsync(SearchCriteria criteria, int skip, int take, CancellationToken ct)
    {
        var found = from u in Filter(criteria)
                    join p in db.Projects on u.ProjectId equals p.Id
                    join b in db.Buildings on u.BuildingId equals b.Id
                    select new Found { Unit = u, Project = p.Name, Building = b.Name };
        found = (criteria.Sort, criteria.Descending) switch
        {
            ("room", false) => found.OrderBy(f => f.Unit.RoomNo), ("room", true) => found.OrderByDescending(f => f.Unit.RoomNo),
            ("area", false) => found.OrderBy(f => (double)f.Unit.Area), ("area", true) => found.OrderByDescending(f => (double)f.Unit.Area),
            ("price", false) => found.OrderBy(f => (double)f.Unit.ListPrice), ("price", true) => found.OrderByDescending(f => (double)f.Unit.ListPrice),
            ("status", false) => found.OrderBy(f => f.Unit.Status), ("status", true) => found.OrderByDescending(f => f.Unit.Status),
            (_, true) => found.OrderByDescending(f => f.Project).ThenBy(f => f.Building).ThenBy(f => f.Unit.RoomNo),
            _ => found.OrderBy(f => f.Project).ThenBy(f => f.Building).ThenBy(f => f.Unit.RoomNo),
        };
        var rows = await found.Skip(skip).Take(take)
            .Select(f => new { f.Unit.ProjectId, f.Unit.BuildingId, f.Project, f.Building, f.Unit.RoomNo, f.Unit.Layout, f.Unit.Area, f.Unit.ListPrice, f.Unit.Status })
            .ToListAsync(ct);
        return rows.Select(u => new SearchRow(
            [u.Project, u.Building, u.RoomNo, u.Layout, u.Area.ToString("0.##", CultureInfo.InvariantCulture),
             u.ListPrice.ToString("N0", CultureInfo.InvariantCulture), text.Of(u.Status)],
            $"/Sales/Chart?projectId={u.ProjectId}&buildingId={u.BuildingId}")).ToList();
    }
}
