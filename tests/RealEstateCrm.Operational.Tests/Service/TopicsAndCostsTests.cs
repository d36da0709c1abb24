using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class TopicsAndCostsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<WorkOrder> Open(CrmDbContext db, Given.Desk desk, WorkOrderType type = WorkOrderType.Repair, Guid? projectId = null) =>
        await new OpenWorkOrder(db, new FixedClock(Given.Monday)).Handle(
            new OpenWorkOrder.Request(type, desk.Customer.Id, desk.BathroomLeak.Id, "地下车库渗水", ProjectId: projectId ?? desk.Project.Id), Ct);

    /// <summary>A bathroom-leak repair dispatched to 中建八局, with its cost recorded.</summary>
    private static async Task<(Contractor Builder, WorkOrder Order)> RepairByBuilder(CrmDbContext db, Given.Desk desk, FixedClock clock, decimal cost, bool paidByCustomer)
    {
        var builder = await Given.Contractor(db, "中建八局", desk.Project, desk.BathroomLeak);
        var order = await Open(db, desk);
        await new DispatchWorkOrder(db, clock).Handle(new DispatchWorkOrder.Request(order.Id, ContractorId: builder.Id), Ct);
        await new RecordRepairCost(db).Handle(new RecordRepairCost.Request(order.Id, cost, paidByCustomer), Ct);
        return (builder, order);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Orders_of_the_topics_project_are_attached_and_detached(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var other = await Given.Project(db, "XHY", "西湖苑");
        var topic = await new CreateComplaintTopic(db, new FixedClock(Given.Monday)).Handle(new CreateComplaintTopic.Request("地下车库渗水", desk.Project.Id, desk.BathroomLeak.Id), Ct);
        var ours = await Open(db, desk);
        var elsewhere = await Open(db, desk, projectId: other.Id);

        await new AttachWorkOrderToTopic(db).Handle(new AttachWorkOrderToTopic.Request(topic.Id, ours.Id), Ct);
        var wrongProject = await Assert.ThrowsAsync<DomainException>(() => new AttachWorkOrderToTopic(db).Handle(new AttachWorkOrderToTopic.Request(topic.Id, elsewhere.Id), Ct));
        var notIn = await Assert.ThrowsAsync<DomainException>(() => new DetachWorkOrderFromTopic(db).Handle(new DetachWorkOrderFromTopic.Request(topic.Id, elsewhere.Id), Ct));
        Assert.Equal(("work-order", "work-order"), (wrongProject.Field, notIn.Field));
        await using (var check = test.Context())
            Assert.Equal([ours.Id], await check.WorkOrders.Where(w => w.ComplaintTopicId == topic.Id).Select(w => w.Id).ToListAsync(Ct));

        await new DetachWorkOrderFromTopic(db).Handle(new DetachWorkOrderFromTopic.Request(topic.Id, ours.Id), Ct);
        await using (var check = test.Context())
            Assert.False(await check.WorkOrders.AnyAsync(w => w.ComplaintTopicId == topic.Id, Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Compensation_goes_to_the_orders_customer_and_must_be_positive(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context("经理-陈静");
        var desk = await Given.ServiceDesk(db);
        var order = await Open(db, desk, WorkOrderType.Complaint);
        var grant = new GrantCompensation(db, new FixedClock(Given.Monday));

        await grant.Handle(new GrantCompensation.Request(order.Id, CompensationKind.PropertyFeeWaiver, 1200m, "陈静"), Ct);
        var error = await Assert.ThrowsAsync<ValidationException>(() => grant.Handle(new GrantCompensation.Request(order.Id, CompensationKind.Cash, 0m), Ct));

        Assert.Equal("amount", Assert.Single(error.Errors).Field);
        await using var check = test.Context();
        var stored = await check.Compensations.SingleAsync(Ct);
        Assert.Equal((desk.Customer.Id, 1200m, CompensationKind.PropertyFeeWaiver), (stored.CustomerId, stored.Amount, stored.Kind));
        Assert.True(await check.WorkOrderEvents.AnyAsync(e => e.WorkOrderId == order.Id && e.Kind == WorkOrderEventKind.Compensated, Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_paid_repair_charges_the_customer_and_a_warranty_repair_is_free(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var order = await Open(db, desk);
        var record = new RecordRepairCost(db);

        var paid = await record.Handle(new RecordRepairCost.Request(order.Id, 850m, PaidByCustomer: true), Ct);
        Assert.Equal((false, 850m, 850m), (paid.IsWarranty, paid.RepairCost, paid.ChargeToCustomer));
        var warranty = await record.Handle(new RecordRepairCost.Request(order.Id, 850m, PaidByCustomer: false), Ct);
        Assert.Equal((true, 850m, 0m), (warranty.IsWarranty, warranty.RepairCost, warranty.ChargeToCustomer));
        var inquiry = await Open(db, desk, WorkOrderType.Inquiry);
        await Assert.ThrowsAsync<DomainException>(() => record.Handle(new RecordRepairCost.Request(inquiry.Id, 100m, false), Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_warranty_repair_is_charged_back_to_its_contractor_up_to_the_repair_cost(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var (builder, order) = await RepairByBuilder(db, desk, clock, 1000m, paidByCustomer: false);
        var undispatched = await Open(db, desk);
        var chargeBack = new ChargeBackToContractor(db, clock);
        var noContractor = await Assert.ThrowsAsync<DomainException>(() => chargeBack.Handle(new ChargeBackToContractor.Request(undispatched.Id, 100m), Ct));

        await chargeBack.Handle(new ChargeBackToContractor.Request(order.Id, 600m, "防水层施工缺陷"), Ct);
        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => chargeBack.Handle(new ChargeBackToContractor.Request(order.Id, 400.01m), Ct));
        await chargeBack.Handle(new ChargeBackToContractor.Request(order.Id, 400m), Ct);
        var becomePaid = await Assert.ThrowsAsync<DomainException>(() => new RecordRepairCost(db).Handle(new RecordRepairCost.Request(order.Id, 1000m, true), Ct));

        Assert.Equal(("work-order", "amount", "paid-by-customer"), (noContractor.Field, tooMuch.Field, becomePaid.Field));
        await using var check = test.Context();
        Assert.Equal([400m, 600m], (await check.ContractorChargeBacks.Where(c => c.ContractorId == builder.Id).Select(c => c.Amount).ToListAsync(Ct)).Order());
        Assert.True((await check.WorkOrders.SingleAsync(w => w.Id == order.Id, Ct)).IsWarranty);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_paid_repair_is_never_charged_back(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var clock = new FixedClock(Given.Monday);
        var (_, order) = await RepairByBuilder(db, desk, clock, 500m, paidByCustomer: true);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() => new ChargeBackToContractor(db, clock).Handle(new ChargeBackToContractor.Request(order.Id, 100m), Ct));

        Assert.Contains("paid repair", error.Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }
}
