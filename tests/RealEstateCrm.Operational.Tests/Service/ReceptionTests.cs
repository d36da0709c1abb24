using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class ReceptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reception_opens_its_work_order_in_the_same_save_and_both_point_at_each_other(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var before = await Refusal.StoredChanges(test);

        var record = await new RecordReception(db, new FixedClock(Given.Monday)).Handle(new RecordReception.Request(
            ReceptionChannel.WeChat, "业主微信反映主卫渗水", desk.Customer.Id,
            WorkOrder: new RecordReception.NewWorkOrder(WorkOrderType.Complaint, desk.BathroomLeak.Id, "主卫渗水", ProjectId: desk.Project.Id)), Ct);

        await using var check = test.Context();
        // One save: the reception, the order and its Opened event, nothing else.
        var outbox = await check.OutboxMessages.OrderBy(m => m.Sequence).Skip(before.Outbox).ToListAsync(Ct);
        Assert.Equal(["ReceptionRecord", "WorkOrder", "WorkOrderEvent"], outbox.Select(m => m.Entity).Order());
        var order = await check.WorkOrders.SingleAsync(Ct);
        var stored = await check.ReceptionRecords.SingleAsync(Ct);
        Assert.Equal((order.Id, record.Id), (stored.WorkOrderId, order.ReceptionRecordId));
        Assert.Equal((ReceptionChannel.WeChat, Given.Monday), (stored.Channel, stored.ReceivedAt));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_walk_in_without_a_work_order_is_only_recorded(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();

        await new RecordReception(db, new FixedClock(Given.Monday)).Handle(new RecordReception.Request(ReceptionChannel.WalkIn, "咨询车位租赁"), Ct);

        await using var check = test.Context();
        Assert.Equal(1, await check.ReceptionRecords.CountAsync(Ct));
        Assert.Equal(0, await check.WorkOrders.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_bad_work_order_leaves_no_reception_behind(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() => new RecordReception(db, new FixedClock(Given.Monday)).Handle(new RecordReception.Request(
            ReceptionChannel.Phone, "来电投诉渗水", desk.Customer.Id, WorkOrder: new RecordReception.NewWorkOrder(WorkOrderType.Complaint, desk.Leaks.Id, "渗水")), Ct));
        var noCustomer = await Assert.ThrowsAsync<ValidationException>(() => new RecordReception(db, new FixedClock(Given.Monday)).Handle(new RecordReception.Request(
            ReceptionChannel.Phone, "来电投诉渗水", WorkOrder: new RecordReception.NewWorkOrder(WorkOrderType.Complaint, desk.BathroomLeak.Id, "渗水")), Ct));

        Assert.Equal("work-order.category", error.Field);
        Assert.Equal("customer", Assert.Single(noCustomer.Errors).Field);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }
}
