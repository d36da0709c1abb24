using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Organisation;

public sealed class DataScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Team A's and team B's customers, one of B's with a lead on A's project, one with no project at all,
    /// a contract on project A and work orders on each project plus one with no project.</summary>
    private sealed record Book(World World, Guid CustomerA, Guid CustomerB, Guid CustomerBWithLeadOnA, Guid Nobody, Guid ContractA,
        Guid WorkOrderA, Guid WorkOrderB, Guid WorkOrderNoProjectA);

    private static async Task<Book> CreateBook(TestDatabase test)
    {
        var world = await World.Create(test);
        await using var db = test.Context();
        var a = await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001", world.ProjectAId));
        var b = await World.AddCustomerAsync(db, World.Person("黄敏", "13800138002", world.ProjectBId));
        var both = await World.AddCustomerAsync(db, World.Person("周杰", "13800138003", world.ProjectBId));
        var nobody = await World.AddCustomerAsync(db, World.Person("吴磊", "13800138004"));
        await new CreateLead(db).Handle(new(both.Id, world.ProjectAId, Channel.Website), Ct);
        await new CreateLead(db).Handle(new(a.Id, world.ProjectAId, Channel.WalkIn), Ct);
        var reservation = await new ReserveUnit(db).Handle(new(world.Unit("101").Id, a.Id, 50_000m), Ct);
        var contract = await new SignContract(db).Handle(new(reservation.Id, PaymentMethod.FullPayment), Ct);
        WorkOrder Order(string number, Guid customer, Guid? project) => new()
        {
            Number = number, CustomerId = customer, ProjectId = project, Title = "门窗漏水 window leaks", OpenedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow.AddDays(2),
        };
        var orderA = Order("GD-1", a.Id, world.ProjectAId);
        var orderB = Order("GD-2", b.Id, world.ProjectBId);
        var orderNoProject = Order("GD-3", a.Id, null);
        db.WorkOrders.AddRange(orderA, orderB, orderNoProject);
        await db.SaveChangesAsync(Ct);
        return new Book(world, a.Id, b.Id, both.Id, nobody.Id, contract.Id, orderA.Id, orderB.Id, orderNoProject.Id);
    }

    private static async Task<DataScope> ScopeOf(CrmDbContext db, Guid userId) => await new GetDataScope(db).Handle(new(userId), Ct);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_rep_of_team_A_sees_team_A_customers_and_not_team_B_and_vice_versa(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var book = await CreateBook(test);
        await using var db = test.Context();

        var scopeA = await ScopeOf(db, book.World.RepAId);
        Assert.Equal([book.World.ProjectAId], scopeA.ProjectIds);
        var seenByA = await db.VisibleCustomers(scopeA).Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(new[] { book.CustomerA, book.CustomerBWithLeadOnA }.Order(), seenByA.Order());

        var scopeB = await ScopeOf(db, book.World.RepBId);
        var seenByB = await db.VisibleCustomers(scopeB).Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(new[] { book.CustomerB, book.CustomerBWithLeadOnA }.Order(), seenByB.Order());
        Assert.DoesNotContain(book.CustomerA, seenByB);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Leads_units_contracts_and_work_orders_follow_the_scope(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var book = await CreateBook(test);
        await using var db = test.Context();
        var scopeA = await ScopeOf(db, book.World.RepAId);
        var scopeB = await ScopeOf(db, book.World.RepBId);

        Assert.Equal(2, await db.VisibleLeads(scopeA).CountAsync(Ct));
        Assert.Equal(0, await db.VisibleLeads(scopeB).CountAsync(Ct));
        Assert.Equal(6, await db.VisibleUnits(scopeA).CountAsync(Ct));
        Assert.Equal(0, await db.VisibleUnits(scopeB).CountAsync(Ct));
        Assert.Equal([book.ContractA], await db.VisibleContracts(scopeA).Select(c => c.Id).ToListAsync(Ct));
        Assert.Empty(await db.VisibleContracts(scopeB).ToListAsync(Ct));
        Assert.Equal(new[] { book.WorkOrderA, book.WorkOrderNoProjectA }.Order(), (await db.VisibleWorkOrders(scopeA).Select(w => w.Id).ToListAsync(Ct)).Order());
        Assert.Equal([book.WorkOrderB], await db.VisibleWorkOrders(scopeB).Select(w => w.Id).ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_supervisor_of_the_parent_unit_sees_both_teams_and_a_manager_sees_everything(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var book = await CreateBook(test);
        await using var db = test.Context();

        var supervisor = await ScopeOf(db, book.World.SupervisorId);
        Assert.False(supervisor.SeesAll);
        Assert.Equal(new[] { book.World.ProjectAId, book.World.ProjectBId }.Order(), supervisor.ProjectIds.Order());
        Assert.Equal(new[] { book.CustomerA, book.CustomerB, book.CustomerBWithLeadOnA }.Order(),
            (await db.VisibleCustomers(supervisor).Select(c => c.Id).ToListAsync(Ct)).Order());
        Assert.Equal(3, await db.VisibleWorkOrders(supervisor).CountAsync(Ct));

        var manager = await ScopeOf(db, book.World.ManagerId);
        Assert.True(manager.SeesAll);
        Assert.Contains(book.Nobody, await db.VisibleCustomers(manager).Select(c => c.Id).ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_rep_who_is_not_a_supervisor_sees_only_his_own_unit_even_at_the_top(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var book = await CreateBook(test);
        await using var db = test.Context();
        var clerk = await World.AddUserAsync(db, "sun.clerk", "孙文员", BuiltInRoles.Sales, book.World.RegionId, false, Ct);
        var homeless = await World.AddUserAsync(db, "zhao.new", "赵新人", BuiltInRoles.Sales, null, false, Ct);

        Assert.Empty((await ScopeOf(db, clerk)).ProjectIds);
        Assert.Empty(await db.VisibleCustomers(await ScopeOf(db, homeless)).ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Role_functions_decide_who_may_use_what_and_the_admin_may_use_all(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        await using var db = test.Context();
        var admin = await World.AddUserAsync(db, "admin", "管理员", BuiltInRoles.Admin, null, false, Ct);

        Assert.True(await UserFunctions.MayUseAsync(db, world.ManagerId, Functions.ApproveDiscount, Ct));
        Assert.False(await UserFunctions.MayUseAsync(db, world.RepAId, Functions.ApproveDiscount, Ct));
        Assert.True(await UserFunctions.MayUseAsync(db, world.RepAId, Functions.SalesWrite, Ct));
        Assert.True(await UserFunctions.MayUseAsync(db, admin, Functions.ApproveDiscount, Ct));
        Assert.True((await ScopeOf(db, admin)).SeesAll);

        var manager = await db.Users.SingleAsync(u => u.Id == world.ManagerId, Ct);
        manager.IsActive = false;
        await db.SaveChangesAsync(Ct);
        Assert.False(await UserFunctions.MayUseAsync(db, world.ManagerId, Functions.ApproveDiscount, Ct));
    }
}
