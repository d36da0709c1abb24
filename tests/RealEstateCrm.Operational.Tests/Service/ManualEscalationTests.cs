using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class ManualEscalationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(WorkOrder Order, User Supervisor, FixedClock Clock)> OrderAndSupervisor(CrmDbContext db)
    {
        var desk = await Given.ServiceDesk(db);
        var supervisor = await Given.User(db, "wangfang", "王芳");
        supervisor.IsSupervisor = true;
        await db.SaveChangesAsync(Ct);
        var clock = new FixedClock(Given.Monday);
        var order = await new OpenWorkOrder(db, clock).Handle(
            new OpenWorkOrder.Request(WorkOrderType.Complaint, desk.Customer.Id, desk.BathroomLeak.Id, "卫生间渗水，业主要找媒体"), Ct);
        return (order, supervisor, clock);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_supervisor_raises_an_order_one_level_with_the_reason_audited_and_sent_through_the_outbox(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context("web:wangfang");
        var (order, supervisor, clock) = await OrderAndSupervisor(db);
        var before = await Refusal.StoredChanges(test);
        clock.Advance(TimeSpan.FromHours(1));

        await new EscalateWorkOrder(db, clock).Handle(new EscalateWorkOrder.Request(order.Id, supervisor.Id, "  业主威胁投诉到电视台  "), Ct);

        await using var check = test.Context();
        Assert.Equal(1, (await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct)).EscalationLevel);
        var step = await check.WorkOrderEvents.SingleAsync(e => e.WorkOrderId == order.Id && e.Kind == WorkOrderEventKind.EscalatedByHand, Ct);
        Assert.Equal(("业主威胁投诉到电视台", "web:wangfang", Given.Monday.AddHours(1)), (step.Note, step.ByUser, step.At));
        // One save: the order's new level and its history step, each with its outbox row and audit entry.
        var outbox = await check.OutboxMessages.OrderBy(m => m.Sequence).Skip(before.Outbox).ToListAsync(Ct);
        Assert.Equal(["WorkOrder", "WorkOrderEvent"], outbox.Select(m => m.Entity).Order());
        var audit = await check.AuditEntries.OrderBy(a => a.Id).Skip(before.Audit).ToListAsync(Ct);
        Assert.Equal(["WorkOrder", "WorkOrderEvent"], audit.Select(a => a.Entity).Order());
        Assert.All(audit, a => Assert.Equal("web:wangfang", a.UserName));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_sla_job_keeps_a_hand_raised_level_and_raises_it_further_only_past_due(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var (order, supervisor, clock) = await OrderAndSupervisor(db);
        await new EscalateWorkOrder(db, clock).Handle(new EscalateWorkOrder.Request(order.Id, supervisor.Id, "重复渗漏"), Ct);

        // Early in its 24 h window the job finds nothing to do and lowers nothing.
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new EscalateOverdueWorkOrders.Result(0, 0), await new EscalateOverdueWorkOrders(db, clock).Handle(Ct));
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(new EscalateOverdueWorkOrders.Result(0, 1), await new EscalateOverdueWorkOrders(db, clock).Handle(Ct));

        await using var check = test.Context();
        Assert.Equal(2, (await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct)).EscalationLevel);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Escalation_by_hand_needs_a_reason_a_supervisor_and_an_order_below_the_top_level(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        Guid orderId, supervisorId, staffId;
        await using (var db = test.Context())
        {
            var (order, supervisor, clock) = await OrderAndSupervisor(db);
            (orderId, supervisorId) = (order.Id, supervisor.Id);
            staffId = (await Given.User(db, "zhaolei", "赵磊")).Id;
            for (var i = 0; i < EscalateWorkOrder.TopLevel; i++)
                await new EscalateWorkOrder(db, clock).Handle(new EscalateWorkOrder.Request(order.Id, supervisor.Id, $"第{i + 1}次"), Ct);
        }
        var clockNow = new FixedClock(Given.Monday);

        var noReason = await test.AssertRefused<ValidationException>(db => new EscalateWorkOrder(db, clockNow).Handle(new EscalateWorkOrder.Request(orderId, supervisorId, " "), Ct));
        Assert.Equal("reason", Assert.Single(noReason.Errors).Field);
        var notSupervisor = await test.AssertRefused<DomainException>(db => new EscalateWorkOrder(db, clockNow).Handle(new EscalateWorkOrder.Request(orderId, staffId, "催办"), Ct));
        Assert.Equal("supervisor", notSupervisor.Field);
        var atTop = await test.AssertRefused<DomainException>(db => new EscalateWorkOrder(db, clockNow).Handle(new EscalateWorkOrder.Request(orderId, supervisorId, "再催"), Ct));
        Assert.Equal("work-order", atTop.Field);
        Assert.Contains("top escalation level", atTop.Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_resolved_order_is_not_escalated(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        Guid orderId, supervisorId;
        await using (var db = test.Context())
        {
            var (order, supervisor, clock) = await OrderAndSupervisor(db);
            await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(order.Id, "已修复"), Ct);
            (orderId, supervisorId) = (order.Id, supervisor.Id);
        }

        var refused = await test.AssertRefused<DomainException>(db =>
            new EscalateWorkOrder(db, new FixedClock(Given.Monday)).Handle(new EscalateWorkOrder.Request(orderId, supervisorId, "业主不满"), Ct));
        Assert.Equal("work-order", refused.Field);
    }
}
