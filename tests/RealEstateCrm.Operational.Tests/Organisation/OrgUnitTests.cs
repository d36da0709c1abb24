using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Organisation;

public sealed class OrgUnitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_branch_points_at_its_parent_company_and_an_unknown_parent_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var head = await new CreateCompany(db).Handle(new("HY", "华业集团", "深圳"), Ct);
        var branch = await new CreateCompany(db).Handle(new("HY-GZ", "华业集团广州分公司", "广州", head.Id), Ct);
        Assert.Equal(head.Id, branch.ParentCompanyId);

        var missing = Guid.CreateVersion7();
        var error = await test.AssertRefused<ValidationException>(d => new CreateCompany(d).Handle(new("HY-SZ", "深圳分公司", "深圳", missing), Ct));
        Assert.Contains(error.Errors, e => e.Field == "parent-company");
        error = await test.AssertRefused<ValidationException>(d => new CreateCompany(d).Handle(new("HY", "", null), Ct));
        Assert.Equal(["code", "name"], error.Errors.Select(e => e.Field).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_org_unit_path_lists_its_ancestors_so_a_subtree_is_a_prefix_match(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        await using var db = test.Context();
        var region = await db.OrgUnits.SingleAsync(u => u.Id == world.RegionId, Ct);
        var teamA = await db.OrgUnits.SingleAsync(u => u.Id == world.TeamAId, Ct);

        Assert.Equal($"/{world.RegionId:N}/", region.Path);
        Assert.Equal($"/{world.RegionId:N}/{world.TeamAId:N}/", teamA.Path);
        var subtree = await db.OrgUnits.Where(u => u.Path.StartsWith(region.Path)).Select(u => u.Id).ToListAsync(Ct);
        Assert.Equal(new[] { world.RegionId, world.TeamAId, world.TeamBId }.Order(), subtree.Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Moving_an_org_unit_rewrites_the_paths_of_its_whole_subtree(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Guid northId, groupId;
        await using (var db = test.Context())
        {
            var north = await new CreateOrgUnit(db).Handle(new(world.CompanyId, "NORTH", "华北区域", OrgUnitKind.Management), Ct);
            var group = await new CreateOrgUnit(db).Handle(new(world.CompanyId, "SALES-A1", "天河一组", OrgUnitKind.Sales, world.TeamAId), Ct);
            (northId, groupId) = (north.Id, group.Id);
            await new MoveOrgUnit(db).Handle(new(world.TeamAId, north.Id), Ct);
        }

        await using var read = test.Context();
        var paths = await read.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Path, Ct);
        Assert.Equal($"/{northId:N}/{world.TeamAId:N}/", paths[world.TeamAId]);
        Assert.Equal($"/{northId:N}/{world.TeamAId:N}/{groupId:N}/", paths[groupId]);
        Assert.Equal($"/{world.RegionId:N}/{world.TeamBId:N}/", paths[world.TeamBId]);
        Assert.Equal(northId, (await read.OrgUnits.SingleAsync(u => u.Id == world.TeamAId, Ct)).ParentId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Moving_an_org_unit_below_itself_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);

        var error = await test.AssertRefused<DomainException>(db => new MoveOrgUnit(db).Handle(new(world.RegionId, world.TeamAId), Ct));
        Assert.Equal("parent", error.Field);
        await test.AssertRefused<DomainException>(db => new MoveOrgUnit(db).Handle(new(world.RegionId, world.RegionId), Ct));
    }
}
