using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class WorkOrderLifeCycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<WorkOrder> OpenLeak(CrmDbContext db, Given.Desk desk, FixedClock clock) =>
        new OpenWorkOrder(db, clock).Handle(new OpenWorkOrder.Request(WorkOrderType.Complaint, desk.Customer.Id, desk.BathroomLeak.Id, "主卫天花板渗水", "楼上卫生间漏水到我家", desk.Project.Id), Ct);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_leaf_category_gives_the_order_its_department_due_time_and_priority(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context("客服-小王");
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);

        var order = await OpenLeak(db, desk, clock);
        var second = await OpenLeak(db, desk, clock);

        await using var check = test.Context();
        var stored = await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct);
        Assert.Equal("WO20260302-0001", stored.Number);
        Assert.Equal("WO20260302-0002", second.Number);
        Assert.Equal(desk.Department.Id, stored.DepartmentId);
        Assert.Equal(Given.Monday.AddHours(24), stored.DueAt);
        Assert.Equal(Severity.High, stored.Priority);
        Assert.Equal(WorkOrderStatus.Open, stored.Status);
        var opened = await check.WorkOrderEvents.SingleAsync(e => e.WorkOrderId == order.Id, Ct);
        Assert.Equal((WorkOrderEventKind.Opened, "客服-小王"), (opened.Kind, opened.ByUser));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_parent_category_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() => new OpenWorkOrder(db, new FixedClock(Given.Monday))
            .Handle(new OpenWorkOrder.Request(WorkOrderType.Complaint, desk.Customer.Id, desk.Leaks.Id, "渗水"), Ct));

        Assert.Equal("category", error.Field);
        Assert.Contains("渗漏", error.Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Bad_input_names_every_field_at_fault(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);

        var error = await Assert.ThrowsAsync<ValidationException>(() => new OpenWorkOrder(db, new FixedClock(Given.Monday))
            .Handle(new OpenWorkOrder.Request(WorkOrderType.Repair, Guid.CreateVersion7(), Guid.CreateVersion7(), " "), Ct));

        Assert.Equal(["title", "customer", "category"], error.Errors.Select(e => e.Field));
        Assert.Equal(0, await db.WorkOrders.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_order_goes_from_dispatch_to_close_and_records_each_step_within_its_sla(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var order = await OpenLeak(db, desk, clock);

        clock.Advance(TimeSpan.FromHours(1));
        await new DispatchWorkOrder(db, clock).Handle(new DispatchWorkOrder.Request(order.Id, DepartmentId: desk.Department.Id), Ct);
        clock.Advance(TimeSpan.FromHours(2));
        await new StartWorkOrder(db, clock).Handle(new StartWorkOrder.Request(order.Id), Ct);
        clock.Advance(TimeSpan.FromHours(5));
        await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(order.Id, "更换楼上卫生间防水层"), Ct);
        clock.Advance(TimeSpan.FromDays(2));
        await new CloseWorkOrder(db, clock).Handle(new CloseWorkOrder.Request(order.Id), Ct);

        await using var check = test.Context();
        var stored = await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct);
        Assert.Equal(WorkOrderStatus.Closed, stored.Status);
        Assert.Equal(Given.Monday.AddHours(1), stored.FirstResponseAt);
        Assert.Equal(Given.Monday.AddHours(8), stored.ResolvedAt);
        Assert.True(stored.MetSla());
        Assert.Equal("更换楼上卫生间防水层", stored.Resolution);
        var kinds = await check.WorkOrderEvents.Where(e => e.WorkOrderId == order.Id).OrderBy(e => e.At).Select(e => e.Kind).ToListAsync(Ct);
        Assert.Equal([WorkOrderEventKind.Opened, WorkOrderEventKind.Dispatched, WorkOrderEventKind.Started, WorkOrderEventKind.Resolved, WorkOrderEventKind.Closed], kinds);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Resolving_after_the_due_time_misses_the_sla(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var order = await OpenLeak(db, desk, clock);

        clock.Advance(TimeSpan.FromHours(30));
        var resolved = await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(order.Id, "已维修"), Ct);

        Assert.False(resolved.MetSla());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Moves_outside_the_life_cycle_are_refused_and_leave_the_order_as_it_was(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var order = await OpenLeak(db, desk, clock);
        var before = await Refusal.StoredChanges(test);

        await Assert.ThrowsAsync<DomainException>(() => new CloseWorkOrder(db, clock).Handle(new CloseWorkOrder.Request(order.Id), Ct));
        await Assert.ThrowsAsync<DomainException>(() => new StartWorkOrder(db, clock).Handle(new StartWorkOrder.Request(order.Id), Ct));
        var reopen = await Assert.ThrowsAsync<DomainException>(() => new ReopenWorkOrder(db, clock).Handle(new ReopenWorkOrder.Request(order.Id, "业主不满意"), Ct));

        Assert.Contains("from Open to Open", reopen.Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));
        await using var check = test.Context();
        Assert.Equal(WorkOrderStatus.Open, (await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Reopening_a_closed_order_restarts_its_sla_and_counts_the_reopen(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var order = await OpenLeak(db, desk, clock);
        clock.Advance(TimeSpan.FromHours(20));
        await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(order.Id, "已维修"), Ct);
        await new CloseWorkOrder(db, clock).Handle(new CloseWorkOrder.Request(order.Id), Ct);

        clock.Advance(TimeSpan.FromDays(3));
        await new ReopenWorkOrder(db, clock).Handle(new ReopenWorkOrder.Request(order.Id, "又开始渗水"), Ct);

        await using var check = test.Context();
        var stored = await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct);
        Assert.Equal(WorkOrderStatus.Open, stored.Status);
        Assert.Equal(1, stored.ReopenCount);
        Assert.Equal(clock.UtcNow.AddHours(24), stored.DueAt);
        Assert.Null(stored.ResolvedAt);
        Assert.Null(stored.ClosedAt);
        Assert.Null(stored.MetSla());
    }

    [Fact]
    public void Only_a_resolved_or_closed_order_can_be_reopened()
    {
        foreach (var from in Enum.GetValues<WorkOrderStatus>())
            Assert.Equal(from is WorkOrderStatus.Resolved or WorkOrderStatus.Closed, WorkOrderStatusRules.IsAllowed(from, WorkOrderStatus.Open));
    }
}
