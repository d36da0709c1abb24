using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Features.Import;
using RealEstateCrm.Testing;
using static RealEstateCrm.Operational.Tests.Import.ImportTestData;

namespace RealEstateCrm.Operational.Tests.Import;

public sealed class ImportUnitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Units_are_matched_by_project_building_and_room_and_take_floor_and_stack_from_the_room(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context()) await AddProject(db);
        var first = Csv(
            "项目编号,楼栋,房号,户型,居室,建筑面积,朝向,总价",
            "HZ01,1栋,1202,三室两厅,3,118.5,south,5332500",
            "HZ01,1栋,1801,四室两厅,4,143.2,SouthEast,6730400");
        await using (var db = test.Context()) Assert.Equal(new ImportResult(2, 0), await new ImportUnits(db).Handle(first, Ct));

        var second = Csv("project_code,building,room_no,layout,area,list_price,status", "HZ01,1栋,1202,三室两厅,118.5,5200000,Reserved");
        await using (var db = test.Context()) Assert.Equal(new ImportResult(0, 1), await new ImportUnits(db).Handle(second, Ct));

        await using var read = test.Context();
        var units = await read.Units.OrderBy(u => u.RoomNo).ToListAsync(Ct);
        Assert.Equal((12, 2, 5_200_000m, UnitStatus.Reserved), (units[0].Floor, units[0].StackNo, units[0].ListPrice, units[0].Status));
        Assert.NotNull(units[0].StatusChangedAt);
        Assert.Equal((18, 1, Orientation.SouthEast, UnitStatus.Available), (units[1].Floor, units[1].StackNo, units[1].Orientation, units[1].Status));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Unknown_projects_buildings_floors_and_forbidden_status_moves_are_reported(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context())
        {
            await AddProject(db);
            await new ImportUnits(db).Handle(Csv("project_code,building,room_no,layout,area,list_price,status", "HZ01,1栋,0301,两室一厅,89,3900000,Reserved"), Ct);
        }
        var file = Csv(
            "project_code,building,room_no,layout,area,list_price,status",
            "SZ09,1栋,0101,两室一厅,89,3900000,",
            "HZ01,9栋,0101,两室一厅,89,3900000,",
            "HZ01,1栋,2501,两室一厅,89,3900000,",
            "HZ01,1栋,A-1,两室一厅,89,3900000,",
            "HZ01,1栋,0301,两室一厅,89,3900000,Withheld");
        await using var import = test.Context();

        var error = await Assert.ThrowsAsync<ValidationException>(() => new ImportUnits(import).Handle(file, Ct));

        Assert.Equal(
        [
            "line 2, column project_code: no project with code \"SZ09\"",
            "line 3, column building: project HZ01 has no building \"9栋\"",
            "line 4, column room_no: floor 25 is outside building 1栋 (floors 1 to 18)",
            "line 5, column room_no: cannot tell floor and stack from \"A-1\"; fill in the floor and stack_no columns",
            "line 6, column status: unit 0301 is Reserved and cannot become Withheld",
        ], error.Errors.Select(e => $"{e.Field}: {e.Message}"));
        await using var read = test.Context();
        Assert.Equal(1, await read.Units.CountAsync(Ct));
    }
}
