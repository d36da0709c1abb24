using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Handover;

public sealed class HandoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Start = new(2026, 3, 2);

    /// <summary>Two paid units of 滨江花园 in a formal handover batch, the waterproofing contractor scoped to
    /// bathroom leaks, and a critical category (燃气泄漏) no contractor covers.</summary>
    private sealed record Site(Given.Desk Desk, Unit Unit1201, Unit Unit1202, Customer Buyer, Contract Contract, ComplaintCategory Gas, Contractor Waterproofer, InspectionBatch Batch);

    private static async Task<Site> Prepare(CrmDbContext db)
    {
        var desk = await Given.ServiceDesk(db);
        var (unit1201, buyer, contract) = await Given.PaidUnit(db, desk.Project, "1201", "王芳", "13700137000");
        var (unit1202, _, _) = await Given.PaidUnit(db, desk.Project, "1202", "刘洋", "13600136000");
        var gas = await Given.Category(db, "AQ-01", "燃气泄漏", 4, Severity.Critical, department: desk.Department);
        var waterproofer = await Given.Contractor(db, "东方雨虹防水", desk.Project, desk.BathroomLeak);
        var batch = await new CreateInspectionBatch(db).Handle(new CreateInspectionBatch.Request(
            desk.Project.Id, InspectionKind.FormalHandover, "滨江花园一期交付", Start, Start.AddDays(14), [unit1201.Id, unit1202.Id]), Ct);
        return new Site(desk, unit1201, unit1202, buyer, contract, gas, waterproofer, batch);
    }

    private static Task Inspect(CrmDbContext db, FixedClock clock, Site site, Unit unit, InspectionResult result, params RecordUnitInspection.FoundIssue[] issues) =>
        new RecordUnitInspection(db, clock).Handle(new RecordUnitInspection.Request(site.Batch.Id, unit.Id, result, issues), Ct);

    /// <summary>Unit 1201 inspected with these issues, each turned into its repair order.</summary>
    private static async Task<IReadOnlyList<WorkOrder>> RepairOrdersFor1201(CrmDbContext db, FixedClock clock, Site site, params RecordUnitInspection.FoundIssue[] issues)
    {
        await Inspect(db, clock, site, site.Unit1201, InspectionResult.AcceptedWithIssues, issues);
        return await new CreateRepairOrdersForIssues(db, clock).Handle(new CreateRepairOrdersForIssues.Request(site.Batch.Id, site.Unit1201.Id), Ct);
    }

    private static RecordUnitInspection.FoundIssue Leak(Site site, string room, string what) => new(room, what, site.Desk.BathroomLeak.Id, Severity.High);

    private static RecordUnitInspection.FoundIssue GasLeak(Site site) => new("厨房", "燃气管接口漏气", site.Gas.Id, Severity.Critical);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_formal_handover_takes_paid_units_of_its_project_only(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var contracted = await Given.Unit(db, desk.Project, "801", UnitStatus.Contracted);
        var paid = await Given.Unit(db, desk.Project, "802", UnitStatus.Paid);
        var other = await Given.Project(db, "XHY", "西湖苑");
        var foreign = await Given.Unit(db, other, "301", UnitStatus.Paid);
        var before = await Refusal.StoredChanges(test);
        var create = new CreateInspectionBatch(db);

        var unpaid = await Assert.ThrowsAsync<DomainException>(() => create.Handle(new CreateInspectionBatch.Request(
            desk.Project.Id, InspectionKind.FormalHandover, "一期交付", Start, Start, [contracted.Id, paid.Id]), Ct));
        var elsewhere = await Assert.ThrowsAsync<DomainException>(() => create.Handle(new CreateInspectionBatch.Request(
            desk.Project.Id, InspectionKind.MockInspection, "模拟验房", Start, Start, [paid.Id, foreign.Id]), Ct));
        var badInput = await Assert.ThrowsAsync<ValidationException>(() => create.Handle(new CreateInspectionBatch.Request(
            desk.Project.Id, InspectionKind.MockInspection, "", Start, Start.AddDays(-1), [paid.Id, paid.Id]), Ct));

        Assert.Contains("801 (Contracted)", unpaid.Message);
        Assert.DoesNotContain("802", unpaid.Message);
        Assert.Contains("301", elsewhere.Message);
        Assert.Equal(["name", "planned-end", "units"], badInput.Errors.Select(e => e.Field));
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_mock_inspection_takes_unsold_units_and_the_buyer_of_sold_ones(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var unsold = await Given.Unit(db, desk.Project, "501");
        var (sold, buyer, _) = await Given.PaidUnit(db, desk.Project, "502", "赵磊", "13500135000");

        var batch = await new CreateInspectionBatch(db).Handle(new CreateInspectionBatch.Request(
            desk.Project.Id, InspectionKind.MockInspection, "5层模拟验房", Start, Start.AddDays(2), [unsold.Id, sold.Id]), Ct);

        await using var check = test.Context();
        var units = await check.InspectionUnits.Where(u => u.BatchId == batch.Id).ToDictionaryAsync(u => u.UnitId, u => u.CustomerId, Ct);
        Assert.Equal(new Dictionary<Guid, Guid?> { [unsold.Id] = null, [sold.Id] = buyer.Id }, units);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_inspection_result_must_agree_with_the_issues_found(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var site = await Prepare(db);
        var clock = new FixedClock(Given.Monday);
        var leak = Leak(site, "主卫", "墙角渗水");

        var acceptedWithIssue = await Assert.ThrowsAsync<ValidationException>(() => Inspect(db, clock, site, site.Unit1201, InspectionResult.Accepted, leak));
        var withoutIssue = await Assert.ThrowsAsync<ValidationException>(() => Inspect(db, clock, site, site.Unit1201, InspectionResult.AcceptedWithIssues));
        var parentCategory = await Assert.ThrowsAsync<DomainException>(() => Inspect(db, clock, site, site.Unit1201, InspectionResult.Refused,
            leak with { CategoryId = site.Desk.Leaks.Id }));

        Assert.Equal(("result", "issues", "issues[1].category"), (acceptedWithIssue.Errors[0].Field, withoutIssue.Errors[0].Field, parentCategory.Field));
        await using var check = test.Context();
        Assert.Equal(0, await check.InspectionIssues.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Each_issue_becomes_a_repair_order_for_the_contractor_whose_scope_covers_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var site = await Prepare(db);
        var clock = new FixedClock(Given.Monday);

        var orders = await RepairOrdersFor1201(db, clock, site, Leak(site, "主卫", "墙角渗水"), GasLeak(site));
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            new CreateRepairOrdersForIssues(db, clock).Handle(new CreateRepairOrdersForIssues.Request(site.Batch.Id, site.Unit1201.Id), Ct));

        Assert.Equal("unit", again.Field);
        await using var check = test.Context();
        var issues = await check.InspectionIssues.ToListAsync(Ct);
        var stored = await check.WorkOrders.ToDictionaryAsync(w => w.Id, Ct);
        Assert.Equal(2, orders.Count);
        Assert.All(issues, i => Assert.Equal(i.Id, stored[i.WorkOrderId!.Value].InspectionIssueId));
        var leak = stored[issues.Single(i => i.Location == "主卫").WorkOrderId!.Value];
        Assert.Equal((WorkOrderType.Repair, WorkOrderStatus.Dispatched, site.Waterproofer.Id, site.Buyer.Id, site.Unit1201.Id), (leak.Type, leak.Status, leak.ContractorId, leak.CustomerId, leak.UnitId));
        Assert.Equal(Given.Monday.AddHours(24), leak.DueAt);
        Assert.True(leak.IsWarranty);
        var gas = stored[issues.Single(i => i.Location == "厨房").WorkOrderId!.Value];
        Assert.Equal((WorkOrderStatus.Open, (Guid?)null, site.Desk.Department.Id, Severity.Critical), (gas.Status, gas.ContractorId, gas.DepartmentId, gas.Priority));
        Assert.Equal(Given.Monday.AddHours(4), gas.DueAt);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Issues_are_not_turned_into_orders_while_one_lacks_a_category(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var site = await Prepare(db);
        var clock = new FixedClock(Given.Monday);
        await Inspect(db, clock, site, site.Unit1201, InspectionResult.AcceptedWithIssues, Leak(site, "主卫", "墙角渗水"));
        // Imported inspections may carry issues nobody has classified yet.
        var inspected = await db.InspectionUnits.SingleAsync(u => u.UnitId == site.Unit1201.Id, Ct);
        db.InspectionIssues.Add(new InspectionIssue { InspectionUnitId = inspected.Id, Location = "阳台", Description = "栏杆松动", Severity = Severity.High, FoundAt = clock.UtcNow });
        await db.SaveChangesAsync(Ct);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new CreateRepairOrdersForIssues(db, clock).Handle(new CreateRepairOrdersForIssues.Request(site.Batch.Id, site.Unit1201.Id), Ct));

        Assert.Contains("阳台", error.Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_unit_is_handed_over_only_once_its_critical_issues_are_fixed(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var site = await Prepare(db);
        var clock = new FixedClock(Given.Monday);
        var gasOrder = (await RepairOrdersFor1201(db, clock, site, GasLeak(site))).Single();
        var before = await Refusal.StoredChanges(test);

        var refused = await Assert.ThrowsAsync<DomainException>(() => new HandOverUnit(db, clock).Handle(new HandOverUnit.Request(site.Batch.Id, site.Unit1201.Id), Ct));
        Assert.Contains("厨房", refused.Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));

        clock.Advance(TimeSpan.FromHours(3));
        await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(gasOrder.Id, "更换燃气管接头并试压"), Ct);
        clock.Advance(TimeSpan.FromDays(1));
        await new HandOverUnit(db, clock).Handle(new HandOverUnit.Request(site.Batch.Id, site.Unit1201.Id), Ct);

        await using var check = test.Context();
        Assert.Equal(UnitStatus.HandedOver, (await check.Units.SingleAsync(u => u.Id == site.Unit1201.Id, Ct)).Status);
        Assert.Equal(ContractStatus.HandedOver, (await check.Contracts.SingleAsync(c => c.Id == site.Contract.Id, Ct)).Status);
        Assert.Equal(clock.UtcNow, (await check.InspectionUnits.SingleAsync(u => u.UnitId == site.Unit1201.Id, Ct)).HandedOverAt);
        Assert.Equal(BatchStatus.InProgress, (await check.InspectionBatches.SingleAsync(Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_owner_leaves_the_property_service_once_and_only_after_his_unit_is_handed_over(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var site = await Prepare(db);
        var clock = new FixedClock(Given.Monday);
        var leave = new LeavePropertyService(db, clock);
        LeavePropertyService.Request Leaving(DateTime at, string reason = "业委会改聘其他物业公司") => new(site.Buyer.Id, at, reason, ReceptionChannel.Phone);
        var before = await Refusal.StoredChanges(test);

        var notYet = await Assert.ThrowsAsync<DomainException>(() => leave.Handle(Leaving(clock.UtcNow), Ct));
        Assert.Equal(before, await Refusal.StoredChanges(test));
        await Inspect(db, clock, site, site.Unit1201, InspectionResult.Accepted);
        await new HandOverUnit(db, clock).Handle(new HandOverUnit.Request(site.Batch.Id, site.Unit1201.Id), Ct);
        var handedOverAt = clock.UtcNow;
        clock.Advance(TimeSpan.FromDays(200));
        var beforeLeaving = await Refusal.StoredChanges(test);
        var tooEarly = await Assert.ThrowsAsync<DomainException>(() => leave.Handle(Leaving(handedOverAt.AddDays(-2)), Ct));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => leave.Handle(Leaving(clock.UtcNow.AddDays(1), " "), Ct));
        Assert.Equal(beforeLeaving, await Refusal.StoredChanges(test));
        var leftAt = clock.UtcNow.AddDays(-10);
        var tag = await leave.Handle(Leaving(leftAt), Ct);
        var afterLeaving = await Refusal.StoredChanges(test);
        var twice = await Assert.ThrowsAsync<DomainException>(() => leave.Handle(Leaving(clock.UtcNow), Ct));

        Assert.Equal("customer", notYet.Field);
        Assert.Contains("no unit handed over", notYet.Message);
        Assert.Equal("date", tooEarly.Field);
        Assert.Equal(["date: cannot be in the future", "reason: is required"], invalid.Errors.Select(e => $"{e.Field}: {e.Message}"));
        Assert.Contains("already left", twice.Message);
        await using var check = test.Context();
        var stored = await check.CustomerTags.SingleAsync(t => t.CustomerId == site.Buyer.Id && t.Tag == "property-service:left", Ct);
        Assert.Equal(tag.Id, stored.Id);
        // The key's time is when he left, not when it was recorded: the churn label dates the loss by it.
        var keyMs = Convert.ToInt64(stored.Id.ToString("N")[..12], 16);
        Assert.Equal(new DateTimeOffset(leftAt, TimeSpan.Zero).ToUnixTimeMilliseconds(), keyMs);
        var told = await check.ReceptionRecords.SingleAsync(r => r.CustomerId == site.Buyer.Id, Ct);
        Assert.Equal(("业委会改聘其他物业公司", ReceptionChannel.Phone, clock.UtcNow), (told.Summary, told.Channel, told.ReceivedAt));
        Assert.True(afterLeaving.Outbox > beforeLeaving.Outbox && afterLeaving.Audit > beforeLeaving.Audit, "the tag reaches the outbox and the audit");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_refused_or_uninspected_unit_and_a_mock_batch_cannot_hand_over(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var site = await Prepare(db);
        var clock = new FixedClock(Given.Monday);
        var mock = await new CreateInspectionBatch(db).Handle(new CreateInspectionBatch.Request(
            site.Desk.Project.Id, InspectionKind.MockInspection, "模拟验房", Start, Start, [site.Unit1202.Id]), Ct);
        await Inspect(db, clock, site, site.Unit1201, InspectionResult.Refused);
        var handOver = new HandOverUnit(db, clock);

        var refused = await Assert.ThrowsAsync<DomainException>(() => handOver.Handle(new HandOverUnit.Request(site.Batch.Id, site.Unit1201.Id), Ct));
        var pending = await Assert.ThrowsAsync<DomainException>(() => handOver.Handle(new HandOverUnit.Request(site.Batch.Id, site.Unit1202.Id), Ct));
        var inMock = await Assert.ThrowsAsync<DomainException>(() => handOver.Handle(new HandOverUnit.Request(mock.Id, site.Unit1202.Id), Ct));

        Assert.Contains("Refused", refused.Message);
        Assert.Contains("Pending", pending.Message);
        Assert.Equal("batch", inMock.Field);
        await using var check = test.Context();
        Assert.Equal(0, await check.Units.CountAsync(u => u.Status == UnitStatus.HandedOver, Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_batch_summary_counts_units_issues_open_orders_and_days_to_fix(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var site = await Prepare(db);
        var clock = new FixedClock(Given.Monday);
        var orders = await RepairOrdersFor1201(db, clock, site, Leak(site, "主卫", "墙角渗水"), Leak(site, "次卫", "地漏返水"), GasLeak(site));
        await Inspect(db, clock, site, site.Unit1202, InspectionResult.Accepted);
        clock.Advance(TimeSpan.FromDays(1));
        await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(orders.Single(o => o.Title.Contains("厨房")).Id, "更换接头"), Ct);
        clock.Advance(TimeSpan.FromDays(2));
        await new ResolveWorkOrder(db, clock).Handle(new ResolveWorkOrder.Request(orders.Single(o => o.Title.Contains("主卫")).Id, "重做防水"), Ct);
        await new HandOverUnit(db, clock).Handle(new HandOverUnit.Request(site.Batch.Id, site.Unit1202.Id), Ct);

        var summary = await new GetBatchSummary(db).Handle(new GetBatchSummary.Request(site.Batch.Id), Ct);

        Assert.Equal((2, 2, 2, 0, 1), (summary.Planned, summary.Inspected, summary.Accepted, summary.Refused, summary.HandedOver));
        Assert.Equal([new("卫生间渗水", Severity.High, 2), new("燃气泄漏", Severity.Critical, 1)], summary.Issues);
        Assert.Equal(1, summary.OpenIssueWorkOrders);
        Assert.Equal(2.0, summary.AverageDaysToFix);
    }
}
