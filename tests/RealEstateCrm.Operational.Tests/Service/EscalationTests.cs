using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class EscalationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<WorkOrder> Open(CrmDbContext db, Given.Desk desk, FixedClock clock) =>
        await new OpenWorkOrder(db, clock).Handle(new OpenWorkOrder.Request(WorkOrderType.Complaint, desk.Customer.Id, desk.BathroomLeak.Id, "卫生间渗水"), Ct);

    private static async Task SetFraction(CrmDbContext db, string value)
    {
        (await db.BusinessParameters.SingleAsync(p => p.Key == BusinessParameterKeys.EscalateAfterSlaFraction, Ct)).Value = value;
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<(int Level, int Escalations)> Levels(TestDatabase test, Guid orderId)
    {
        await using var check = test.Context();
        var level = (await check.WorkOrders.SingleAsync(w => w.Id == orderId, Ct)).EscalationLevel;
        var escalations = await check.WorkOrderEvents.CountAsync(e => e.WorkOrderId == orderId && e.Kind == WorkOrderEventKind.Escalated, Ct);
        return (level, escalations);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_open_order_is_raised_past_the_sla_fraction_then_past_due_once_per_level(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context("scheduler");
        var desk = await Given.ServiceDesk(db);
        await SetFraction(db, "0.5");
        var clock = new FixedClock(Given.Monday);
        var order = await Open(db, desk, clock);
        var escalate = new EscalateOverdueWorkOrders(db, clock);

        clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(new EscalateOverdueWorkOrders.Result(0, 0), await escalate.Handle(Ct));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new EscalateOverdueWorkOrders.Result(1, 0), await escalate.Handle(Ct));
        Assert.Equal(new EscalateOverdueWorkOrders.Result(0, 0), await escalate.Handle(Ct));
        Assert.Equal((1, 1), await Levels(test, order.Id));
        clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(new EscalateOverdueWorkOrders.Result(0, 1), await escalate.Handle(Ct));
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(new EscalateOverdueWorkOrders.Result(0, 0), await escalate.Handle(Ct));
        Assert.Equal((2, 2), await Levels(test, order.Id));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_seeded_fraction_escalates_with_a_fifth_of_the_sla_left_and_leaves_resolved_orders_alone(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var waiting = await Open(db, desk, clock);
        var done = await Open(db, desk, clock);
        await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(done.Id, "已答复"), Ct);

        clock.Advance(TimeSpan.FromHours(19));
        await new EscalateOverdueWorkOrders(db, clock).Handle(Ct);
        Assert.Equal((0, 0), await Levels(test, waiting.Id));
        // An order that went past due between two runs gets both levels recorded, each once.
        clock.Advance(TimeSpan.FromHours(40));
        var result = await new EscalateOverdueWorkOrders(db, clock).Handle(Ct);

        Assert.Equal(new EscalateOverdueWorkOrders.Result(1, 1), result);
        Assert.Equal((2, 2), await Levels(test, waiting.Id));
        Assert.Equal((0, 0), await Levels(test, done.Id));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reopened_order_is_judged_on_its_new_sla_window(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var order = await Open(db, desk, clock);
        clock.Advance(TimeSpan.FromHours(30));
        await new EscalateOverdueWorkOrders(db, clock).Handle(Ct);
        await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(order.Id, "已维修"), Ct);
        await new ReopenWorkOrder(db, clock).Handle(new ReopenWorkOrder.Request(order.Id, "仍然渗水"), Ct);

        clock.Advance(TimeSpan.FromHours(10));
        await new EscalateOverdueWorkOrders(db, clock).Handle(Ct);
        Assert.Equal((0, 2), await Levels(test, order.Id));
        clock.Advance(TimeSpan.FromHours(10));
        await new EscalateOverdueWorkOrders(db, clock).Handle(Ct);
        Assert.Equal((1, 3), await Levels(test, order.Id));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_malformed_fraction_is_refused_naming_the_parameter(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        await SetFraction(db, "80%");
        var clock = new FixedClock(Given.Monday);
        await Open(db, desk, clock);
        clock.Advance(TimeSpan.FromDays(2));

        var error = await Assert.ThrowsAsync<DomainException>(() => new EscalateOverdueWorkOrders(db, clock).Handle(Ct));
        Assert.Equal(BusinessParameterKeys.EscalateAfterSlaFraction, error.Field);
    }
}
