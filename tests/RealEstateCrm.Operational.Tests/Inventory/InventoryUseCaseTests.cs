using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Features.Inventory;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Inventory;

public sealed class InventoryUseCaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Units_are_generated_from_the_floor_plan_once_and_a_second_generation_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Assert.Equal(["101", "102", "201", "202", "301", "302"], world.Units.Select(u => u.RoomNo).Order());

        var error = await test.AssertRefused<DomainException>(db => new GenerateUnits(db).Handle(new(world.BuildingId), Ct));
        Assert.Equal("building", error.Field);
        await using var read = test.Context();
        Assert.Equal(6, await read.Units.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_project_with_a_taken_code_or_another_companys_org_unit_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Guid otherUnit;
        await using (var db = test.Context())
        {
            var other = await new Features.Organisation.CreateCompany(db).Handle(new("SZWK", "深圳万科", "深圳"), Ct);
            otherUnit = (await new Features.Organisation.CreateOrgUnit(db).Handle(new(other.Id, "SZ-SALES", "深圳销售部"), Ct)).Id;
        }

        var error = await test.AssertRefused<ValidationException>(db => new CreateProject(db).Handle(new("TH01", "天河华府二期", "广州", world.CompanyId, otherUnit, 0m), Ct));
        Assert.Equal(["base-price-per-sqm", "code", "org-unit"], error.Errors.Select(e => e.Field).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_floor_plan_with_bad_stacks_is_refused_naming_each_field(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);

        var error = await test.AssertRefused<ValidationException>(db => new CreateBuilding(db).Handle(new(world.ProjectAId, "2号楼", 0,
        [
            new CreateBuilding.Stack(1, "三室两厅", 3, 0m, Orientation.South, 30000m),
            new CreateBuilding.Stack(1, "", 2, 90m, Orientation.North, -1m),
        ]), Ct));
        Assert.Equal(["floors", "stacks", "stacks[0].area", "stacks[1].base-price-per-sqm", "stacks[1].layout"], error.Errors.Select(e => e.Field).Order());
        var taken = await test.AssertRefused<ValidationException>(db => new CreateBuilding(db).Handle(new(world.ProjectAId, "1号楼", 5,
            [new CreateBuilding.Stack(1, "三室两厅", 3, 100m, Orientation.South, 30000m)]), Ct));
        Assert.Equal("name", Assert.Single(taken.Errors).Field);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_unit_is_withheld_and_released_and_a_withheld_unit_cannot_be_withheld_again(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var unitId = world.Unit("301").Id;
        await using (var db = test.Context())
            Assert.Equal(UnitStatus.Withheld, (await new WithholdUnit(db).Handle(new(unitId, true), Ct)).Status);

        await test.AssertRefused<DomainException>(db => new WithholdUnit(db).Handle(new(unitId, true), Ct));
        await using (var db = test.Context())
            Assert.Equal(UnitStatus.Available, (await new WithholdUnit(db).Handle(new(unitId, false), Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Approving_a_price_list_reprices_the_available_units_and_supersedes_the_previous_list(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var withheld = world.Unit("102");
        var free = world.Unit("101");
        Guid firstId, secondId;
        await using (var db = test.Context())
        {
            var first = await new CreatePriceList(db).Handle(new(world.ProjectAId, "2026 开盘价", new DateOnly(2026, 3, 1), [new(free.Id, 3_500_000m), new(withheld.Id, 2_400_000m)]), Ct);
            Assert.Equal(2, (await new ApprovePriceList(db).Handle(new(first.Id, world.ManagerId), Ct)).UnitsRepriced);
            await new WithholdUnit(db).Handle(new(withheld.Id, true), Ct);
            var second = await new CreatePriceList(db).Handle(new(world.ProjectAId, "2026 二期调价", new DateOnly(2026, 6, 1), [new(free.Id, 3_300_000m), new(withheld.Id, 2_200_000m)]), Ct);
            Assert.Equal(1, (await new ApprovePriceList(db).Handle(new(second.Id, world.ManagerId), Ct)).UnitsRepriced);
            (firstId, secondId) = (first.Id, second.Id);
        }

        await using var read = test.Context();
        Assert.Equal(3_300_000m, (await read.Units.SingleAsync(u => u.Id == free.Id, Ct)).ListPrice);
        Assert.Equal(2_400_000m, (await read.Units.SingleAsync(u => u.Id == withheld.Id, Ct)).ListPrice);
        Assert.Equal(PriceListStatus.Superseded, (await read.PriceLists.SingleAsync(l => l.Id == firstId, Ct)).Status);
        Assert.Equal(PriceListStatus.Approved, (await read.PriceLists.SingleAsync(l => l.Id == secondId, Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_price_list_is_refused_for_another_projects_unit_and_approval_needs_a_manager_and_a_draft(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var error = await test.AssertRefused<ValidationException>(db => new CreatePriceList(db).Handle(
            new(world.ProjectBId, "番禺价目表", new DateOnly(2026, 3, 1), [new(world.Unit("101").Id, 3_000_000m), new(world.Unit("101").Id, 0m)]), Ct));
        Assert.Equal(["items[0].unit", "items[1].price", "items[1].unit", "items[1].unit"], error.Errors.Select(e => e.Field).Order());

        Guid listId;
        await using (var db = test.Context())
            listId = (await new CreatePriceList(db).Handle(new(world.ProjectAId, "开盘价", new DateOnly(2026, 3, 1), [new(world.Unit("101").Id, 3_000_000m)]), Ct)).Id;
        var notManager = await test.AssertRefused<DomainException>(db => new ApprovePriceList(db).Handle(new(listId, world.RepAId), Ct));
        Assert.Equal("approver", notManager.Field);
        await using (var db = test.Context())
            await new ApprovePriceList(db).Handle(new(listId, world.ManagerId), Ct);
        await test.AssertRefused<DomainException>(db => new ApprovePriceList(db).Handle(new(listId, world.ManagerId), Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Only_a_user_with_the_approve_discount_function_decides_and_a_decision_is_final(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Guid approvalId;
        await using (var db = test.Context())
            approvalId = (await new RequestDiscount(db).Handle(new(world.Unit("201").Id, world.RepAId, 5m, "老业主推荐 referred by an owner"), Ct)).Id;

        var byRep = await test.AssertRefused<DomainException>(db => new DecideDiscount(db).Handle(new(approvalId, world.RepAId, true), Ct));
        Assert.Equal("decider", byRep.Field);
        await using (var db = test.Context())
        {
            var decided = await new DecideDiscount(db).Handle(new(approvalId, world.ManagerId, false), Ct);
            Assert.Equal(ApprovalStatus.Rejected, decided.Status);
            Assert.Equal(world.ManagerId, decided.DecidedByUserId);
        }
        var again = await test.AssertRefused<DomainException>(db => new DecideDiscount(db).Handle(new(approvalId, world.ManagerId, true), Ct));
        Assert.Equal("approval", again.Field);
        var tooMuch = await test.AssertRefused<ValidationException>(db => new RequestDiscount(db).Handle(new(world.Unit("201").Id, world.RepAId, 100m, ""), Ct));
        Assert.Equal(["discount-percent", "reason"], tooMuch.Errors.Select(e => e.Field).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Of_two_managers_deciding_one_discount_request_at_once_only_the_first_decision_stands(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Guid approvalId, secondManager;
        await using (var db = test.Context())
        {
            approvalId = (await new RequestDiscount(db).Handle(new(world.Unit("202").Id, world.RepAId, 5m, "老业主推荐"), Ct)).Id;
            secondManager = await World.AddUserAsync(db, "zhou.manager", "周经理", Domain.Organisation.BuiltInRoles.Manager, world.RegionId, false, Ct);
        }

        await using var first = test.Context();
        await using var second = test.Context();
        Assert.Equal(ApprovalStatus.Pending, (await first.DiscountApprovals.FindAsync([approvalId], Ct))!.Status);
        Assert.Equal(ApprovalStatus.Pending, (await second.DiscountApprovals.FindAsync([approvalId], Ct))!.Status);
        await new DecideDiscount(first).Handle(new(approvalId, world.ManagerId, true), Ct);
        var error = await Assert.ThrowsAsync<DomainException>(() => new DecideDiscount(second).Handle(new(approvalId, secondManager, false), Ct));
        Assert.Equal("approval", error.Field);

        await using var read = test.Context();
        var stored = await read.DiscountApprovals.SingleAsync(a => a.Id == approvalId, Ct);
        Assert.Equal((ApprovalStatus.Approved, world.ManagerId), (stored.Status, stored.DecidedByUserId));
    }
}
