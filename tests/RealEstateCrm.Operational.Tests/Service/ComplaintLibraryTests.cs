using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class ComplaintLibraryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Categories_form_a_tree_under_their_parents(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var department = await Given.Department(db);
        var create = new CreateComplaintCategory(db);

        var leaks = await create.Handle(new CreateComplaintCategory.Request("SL", "渗漏", 72), Ct);
        var bathroom = await create.Handle(new CreateComplaintCategory.Request("SL-01", "卫生间渗水", 24, Severity.High, leaks.Id, department.Id), Ct);

        await using var check = test.Context();
        var stored = await check.ComplaintCategories.SingleAsync(c => c.Code == "SL-01", Ct);
        Assert.Equal((leaks.Id, department.Id, 24, Severity.High), (stored.ParentId, stored.DefaultDepartmentId, stored.SlaHours, stored.Severity));
        Assert.Equal(bathroom.Id, stored.Id);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_category_with_work_orders_cannot_become_a_parent(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        await new OpenWorkOrder(db, new FixedClock(Given.Monday)).Handle(new OpenWorkOrder.Request(WorkOrderType.Complaint, desk.Customer.Id, desk.BathroomLeak.Id, "渗水"), Ct);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new CreateComplaintCategory(db).Handle(new CreateComplaintCategory.Request("SL-01-1", "淋浴区渗水", 24, ParentId: desk.BathroomLeak.Id), Ct));

        Assert.Equal("parent", error.Field);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_taken_code_an_unknown_parent_and_a_zero_sla_are_all_reported(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        await Given.Category(db, "SL", "渗漏");

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            new CreateComplaintCategory(db).Handle(new CreateComplaintCategory.Request("SL", "渗漏", 0, ParentId: Guid.CreateVersion7()), Ct));

        Assert.Equal(["sla-hours", "code", "parent"], error.Errors.Select(e => e.Field));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_contractor_is_scoped_to_leaf_categories_once_per_project(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var contractor = await new AddContractor(db).Handle(new AddContractor.Request("中建八局", "王建国", "0571-8888 6666"), Ct);
        var addScope = new AddContractorScope(db);

        await addScope.Handle(new AddContractorScope.Request(contractor.Id, desk.Project.Id, desk.BathroomLeak.Id), Ct);
        var twice = await Assert.ThrowsAsync<DomainException>(() => addScope.Handle(new AddContractorScope.Request(contractor.Id, desk.Project.Id, desk.BathroomLeak.Id), Ct));
        var parent = await Assert.ThrowsAsync<DomainException>(() => addScope.Handle(new AddContractorScope.Request(contractor.Id, desk.Project.Id, desk.Leaks.Id), Ct));

        Assert.Equal(("category", "category"), (twice.Field, parent.Field));
        await using var check = test.Context();
        Assert.Equal("057188886666", (await check.Contractors.SingleAsync(Ct)).Phone);
        Assert.Equal(1, await check.ContractorScopes.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_contractor_with_a_bad_phone_or_a_taken_name_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        await new AddContractor(db).Handle(new AddContractor.Request("中建八局"), Ct);

        var error = await Assert.ThrowsAsync<ValidationException>(() => new AddContractor(db).Handle(new AddContractor.Request("中建八局", Phone: "12-34"), Ct));

        Assert.Equal(["phone", "name"], error.Errors.Select(e => e.Field));
    }
}
