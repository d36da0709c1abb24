using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Inventory;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Fixtures;

/// <summary>A small developer, built through the use cases: 华南区域 (region) with two sales teams, each selling
/// one project; project A has one building of 3 floors × 2 stacks. Users: a manager (all data, approves
/// discounts), a supervisor of the region, a rep in each team.</summary>
internal sealed class World
{
    public required Guid CompanyId { get; init; }
    public required Guid RegionId { get; init; }
    public required Guid TeamAId { get; init; }
    public required Guid TeamBId { get; init; }
    public required Guid ProjectAId { get; init; }
    public required Guid ProjectBId { get; init; }
    public required Guid BuildingId { get; init; }
    public required IReadOnlyList<Unit> Units { get; init; }
    public required Guid ManagerId { get; init; }
    public required Guid SupervisorId { get; init; }
    public required Guid RepAId { get; init; }
    public required Guid RepBId { get; init; }

    public Unit Unit(string roomNo) => Units.Single(u => u.RoomNo == roomNo);

    public static async Task<World> Create(TestDatabase test)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = test.Context("world");
        var company = await new CreateCompany(db).Handle(new("GZHY", "广州华业地产", "广州"), ct);
        var region = await new CreateOrgUnit(db).Handle(new(company.Id, "SOUTH", "华南区域", OrgUnitKind.Management), ct);
        var teamA = await new CreateOrgUnit(db).Handle(new(company.Id, "SALES-A", "天河销售部", OrgUnitKind.Sales, region.Id), ct);
        var teamB = await new CreateOrgUnit(db).Handle(new(company.Id, "SALES-B", "番禺销售部", OrgUnitKind.Sales, region.Id), ct);
        var projectA = await new CreateProject(db).Handle(new("TH01", "天河华府", "广州", company.Id, teamA.Id, 30000m, "天河区", "天河路 88 号"), ct);
        var projectB = await new CreateProject(db).Handle(new("PY01", "番禺雅苑", "广州", company.Id, teamB.Id, 22000m, "番禺区"), ct);
        var building = await new CreateBuilding(db).Handle(new(projectA.Id, "1号楼", 3,
        [
            new CreateBuilding.Stack(1, "三室两厅", 3, 120m, Orientation.South, 30000m),
            new CreateBuilding.Stack(2, "两室一厅", 2, 89.5m, Orientation.North, 28000m),
        ], 1m), ct);
        var units = await new GenerateUnits(db).Handle(new(building.Id), ct);

        var manager = await AddUserAsync(db, "wang.manager", "王经理", BuiltInRoles.Manager, region.Id, false, ct);
        var supervisor = await AddUserAsync(db, "li.supervisor", "李主管", BuiltInRoles.Sales, region.Id, true, ct);
        var repA = await AddUserAsync(db, "zhang.rep", "张顾问", BuiltInRoles.Sales, teamA.Id, false, ct);
        var repB = await AddUserAsync(db, "chen.rep", "陈顾问", BuiltInRoles.Sales, teamB.Id, false, ct);
        return new World
        {
            CompanyId = company.Id, RegionId = region.Id, TeamAId = teamA.Id, TeamBId = teamB.Id,
            ProjectAId = projectA.Id, ProjectBId = projectB.Id, BuildingId = building.Id, Units = units,
            ManagerId = manager, SupervisorId = supervisor, RepAId = repA, RepBId = repB,
        };
    }

    /// <summary>Users without a password: AddUser's PBKDF2 costs a tenth of a second each, and sign-in is not under test here.</summary>
    public static async Task<Guid> AddUserAsync(CrmDbContext db, string userName, string displayName, string role, Guid? orgUnitId, bool supervisor, CancellationToken ct)
    {
        var roleIds = await EnsureRoles.Handle(db, [role], ct);
        var user = new User { UserName = userName, DisplayName = displayName, OrgUnitId = orgUnitId, IsSupervisor = supervisor, CreatedAt = DateTime.UtcNow };
        user.Roles.AddRange(roleIds.Select(id => new UserRole { UserId = user.Id, RoleId = id }));
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    /// <summary>A customer in 广州 with the given phone; adjust with <c>with { ... }</c>.</summary>
    public static CustomerDetails Person(string name, string? phone, Guid? homeProjectId = null) =>
        new() { Name = name, Phone = phone, HomeProjectId = homeProjectId, City = "广州" };

    public static Task<Customer> AddCustomerAsync(CrmDbContext db, CustomerDetails details) =>
        new CreateCustomer(db).Handle(new(details), TestContext.Current.CancellationToken);
}
