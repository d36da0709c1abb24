using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>Loads units (房间) from a spreadsheet into existing projects and buildings, matched by project
/// code + building name + room number: the address a unit is sold and handed over under, unique per building.
/// Floor and stack come from the room number ("1202": floor 12, stack 02) unless given. A status column is
/// optional; on an existing unit it must be a move the unit life cycle allows.</summary>
[UseCase]
public sealed class ImportUnits(CrmDbContext db) : TabularImport<Unit>(db)
{
    private static readonly ImportField<Unit>[] UnitFields =
    [
        ImportField<Unit>.Lookup("project_code", true, "项目编号", "项目代码"),
        ImportField<Unit>.Lookup("building", true, "楼栋", "楼栋名称"),
        ImportField<Unit>.Required("room_no", (r, f) => r.Text(f, 20), (u, v) => u.RoomNo = v!, "房号", "房间号"),
        ImportField<Unit>.Lookup("floor", false, "楼层"),
        ImportField<Unit>.Lookup("stack_no", false, "户位", "单元位置"),
        ImportField<Unit>.Required("layout", (r, f) => r.Text(f), (u, v) => u.Layout = v!, "户型"),
        ImportField<Unit>.Of("bedrooms", (r, f) => r.Int(f), (u, v) => u.Bedrooms = v ?? 0, "居室", "室"),
        ImportField<Unit>.Required("area", (r, f) => r.Decimal(f), (u, v) => u.Area = v!.Value, "面积", "建筑面积"),
        ImportField<Unit>.Of("orientation", (r, f) => r.Enum<Orientation>(f), (u, v) => u.Orientation = v ?? Orientation.South, "朝向"),
        ImportField<Unit>.Required("list_price", (r, f) => r.Decimal(f), (u, v) => u.ListPrice = v!.Value, "总价", "标价"),
        ImportField<Unit>.Of("status", (r, f) => r.Enum<UnitStatus>(f), SetStatus, "状态", "销售状态"),
    ];

    protected override IReadOnlyList<ImportField<Unit>> Fields => UnitFields;
    protected override string KeyField => "room_no";
    protected override string KeyOf(ImportRow row) => Key(row.Cell("project_code")!, row.Cell("building")!, row.Cell("room_no")!);

    protected override async Task<IReadOnlyDictionary<string, Unit>> Resolve(IReadOnlyList<ParsedRow<Unit>> rows, CancellationToken ct)
    {
        var projectCodes = rows.Select(r => r.Cells.Cell("project_code")!).Distinct().ToList();
        var projects = await Db.Projects.AsNoTracking().Where(p => projectCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        var projectIds = projects.Values.Select(p => p.Id).ToList();
        var buildings = await Db.Buildings.AsNoTracking().Where(b => projectIds.Contains(b.ProjectId)).ToDictionaryAsync(b => (b.ProjectId, b.Name), ct);
        var buildingIds = buildings.Values.Select(b => b.Id).ToList();
        var projectById = projects.Values.ToDictionary(p => p.Id);
        var buildingById = buildings.Values.ToDictionary(b => b.Id);
        var existing = (await Db.Units.AsNoTracking().Where(u => buildingIds.Contains(u.BuildingId)).ToListAsync(ct))
            .ToDictionary(u => Key(projectById[u.ProjectId].Code, buildingById[u.BuildingId].Name, u.RoomNo));

        foreach (var row in rows)
        {
            var cells = row.Cells;
            if (!projects.TryGetValue(cells.Cell("project_code")!, out var project))
            {
                cells.Error("project_code", $"no project with code \"{cells.Cell("project_code")}\"");
                continue;
            }
            if (!buildings.TryGetValue((project.Id, cells.Cell("building")!), out var building))
            {
                cells.Error("building", $"project {project.Code} has no building \"{cells.Cell("building")}\"");
                continue;
            }
            row.Changes.Add(u => { u.ProjectId = project.Id; u.BuildingId = building.Id; });
            CheckPlacement(row, building);
            if (existing.TryGetValue(row.Key, out var unit) && cells.Enum<UnitStatus>("status") is { } status
                && status != unit.Status && !UnitStatusRules.IsAllowed(unit.Status, status))
                cells.Error("status", $"unit {unit.RoomNo} is {unit.Status} and cannot become {status}");
        }
        return existing;
    }

    /// <summary>Fills floor and stack from the room number when the file leaves them out, and keeps the floor inside the building.</summary>
    private static void CheckPlacement(ParsedRow<Unit> row, Building building)
    {
        var cells = row.Cells;
        var roomNo = cells.Cell("room_no")!;
        var floor = cells.Int("floor");
        var stack = cells.Int("stack_no");
        if ((floor is null || stack is null) && roomNo.Length >= 3 && int.TryParse(roomNo[..^2], out var roomFloor) && int.TryParse(roomNo[^2..], out var roomStack))
        {
            floor ??= roomFloor;
            stack ??= roomStack;
        }
        if (floor is null || stack is null)
        {
            cells.Error("room_no", $"cannot tell floor and stack from \"{roomNo}\"; fill in the floor and stack_no columns");
            return;
        }
        if (floor < 1 || floor > building.Floors)
            cells.Error(cells.Has("floor") ? "floor" : "room_no", $"floor {floor} is outside building {building.Name} (floors 1 to {building.Floors})");
        row.Changes.Add(u => { u.Floor = floor.Value; u.StackNo = stack.Value; });
    }

    private static void SetStatus(Unit unit, UnitStatus? status)
    {
        if (status is not { } next || next == unit.Status) return;
        unit.Status = next;
        unit.StatusChangedAt = DateTime.UtcNow;
    }

    protected override Unit Create() => new() { RoomNo = "", Layout = "" };

    private static string Key(string projectCode, string building, string roomNo) => $"{projectCode}\u001f{building}\u001f{roomNo}";
}
