using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class DispatchAndReplyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<WorkOrder> Open(CrmDbContext db, Given.Desk desk, FixedClock clock) =>
        await new OpenWorkOrder(db, clock).Handle(new OpenWorkOrder.Request(WorkOrderType.Repair, desk.Customer.Id, desk.BathroomLeak.Id, "卫生间渗水", ProjectId: desk.Project.Id), Ct);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_contractor_responsible_for_the_category_in_the_project_takes_the_order(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var builder = await Given.Contractor(db, "中建八局", desk.Project, desk.BathroomLeak);
        var clock = new FixedClock(Given.Monday);
        var order = await Open(db, desk, clock);

        await new DispatchWorkOrder(db, clock).Handle(new DispatchWorkOrder.Request(order.Id, ContractorId: builder.Id), Ct);

        await using var check = test.Context();
        var stored = await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct);
        Assert.Equal((WorkOrderStatus.Dispatched, builder.Id, desk.Department.Id), (stored.Status, stored.ContractorId, stored.DepartmentId));
        Assert.Contains(await check.WorkOrderEvents.Where(e => e.WorkOrderId == order.Id).Select(e => e.Note).ToListAsync(Ct), n => n == "to contractor 中建八局");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_contractor_without_a_scope_for_the_category_is_refused_saying_why(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var walls = await Given.Category(db, "SL-02", "外墙渗水", 72, parent: desk.Leaks);
        var painter = await Given.Contractor(db, "杭州外墙涂装", desk.Project, walls);
        var order = await Open(db, desk, new FixedClock(Given.Monday));
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new DispatchWorkOrder(db, new FixedClock(Given.Monday)).Handle(new DispatchWorkOrder.Request(order.Id, ContractorId: painter.Id), Ct));

        Assert.Equal("contractor", error.Field);
        Assert.Contains("杭州外墙涂装", error.Message);
        Assert.Contains("scope", error.Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Dispatch_needs_exactly_one_target(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var order = await Open(db, desk, new FixedClock(Given.Monday));

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            new DispatchWorkOrder(db, new FixedClock(Given.Monday)).Handle(new DispatchWorkOrder.Request(order.Id), Ct));
        Assert.Equal("department", Assert.Single(error.Errors).Field);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reply_queues_an_sms_to_the_customer_even_one_who_asked_not_to_be_called(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        desk.Customer.Phone = "+86 138-0013-8000";
        desk.Customer.DoNotCall = true;
        await db.SaveChangesAsync(Ct);
        var clock = new FixedClock(Given.Monday);
        var order = await Open(db, desk, clock);
        clock.Advance(TimeSpan.FromMinutes(30));

        var message = await new ReplyToCustomer(db, clock).Handle(new ReplyToCustomer.Request(order.Id, "维修师傅明天上午上门"), Ct);

        await using var check = test.Context();
        var sms = await check.OutgoingMessages.SingleAsync(Ct);
        Assert.Equal((MessageChannel.Sms, "13800138000", MessageStatus.Pending, desk.Customer.Id), (sms.Channel, sms.To, sms.Status, sms.CustomerId));
        Assert.Contains(order.Number, sms.Body);
        Assert.Equal(message.Id, sms.Id);
        var stored = await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct);
        Assert.Equal(("维修师傅明天上午上门", clock.UtcNow, clock.UtcNow), (stored.ReplyToCustomer, stored.RepliedAt, stored.FirstResponseAt));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_customer_without_a_mobile_cannot_be_replied_to(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        desk.Customer.Phone = null;
        await db.SaveChangesAsync(Ct);
        var order = await Open(db, desk, new FixedClock(Given.Monday));
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new ReplyToCustomer(db, new FixedClock(Given.Monday)).Handle(new ReplyToCustomer.Request(order.Id, "您好"), Ct));

        Assert.Equal("customer", error.Field);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }
}
