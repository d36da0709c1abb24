using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;
using static RealEstateCrm.Operational.Features.Customers.FindDuplicates;

namespace RealEstateCrm.Operational.Tests.Customers;

public sealed class FindDuplicatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Duplicates_are_found_by_phone_id_number_or_similar_name_with_the_reason(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var probe = await World.AddCustomerAsync(db, World.Person("张伟", "13800138000") with { IdNumber = "11010519491231002X", Contacts = [new(ContactKind.Phone, "13500135000")] });
        var samePhone = await World.AddCustomerAsync(db, World.Person("Zhang Wei", "138 0013 8000") with { City = "北京" });
        var phoneAsContact = await World.AddCustomerAsync(db, World.Person("李娜", "13600136000") with { City = "北京", Contacts = [new(ContactKind.Phone, "+8613500135000")] });
        var sameId = await World.AddCustomerAsync(db, World.Person("张卫", null) with { IdNumber = "11010519491231002X", City = "北京" });
        var similarSameCity = await World.AddCustomerAsync(db, World.Person("张玮", "13900139000"));
        var similarSameBirth = await World.AddCustomerAsync(db, World.Person("张伟明", "13900139001") with { City = "深圳", BirthDate = new DateOnly(1949, 12, 31) });
        await World.AddCustomerAsync(db, World.Person("张玮", "13900139002") with { City = "上海" });
        await World.AddCustomerAsync(db, World.Person("章伟", "13900139003"));
        await World.AddCustomerAsync(db, World.Person("张大伟", "13900139004") with { City = "广州", Email = null });

        var found = await new FindDuplicates(db).Handle(new(CustomerId: probe.Id), Ct);

        var byId = found.ToDictionary(c => c.Customer.Id, c => c.Reasons);
        Assert.Equal([Reason.SamePhone], byId[samePhone.Id]);
        Assert.Equal([Reason.SamePhone], byId[phoneAsContact.Id]);
        // 张卫 is also one character from 张伟, born the same day (from the ID number).
        Assert.Equal([Reason.SameIdNumber, Reason.SimilarName], byId[sameId.Id]);
        Assert.Equal([Reason.SimilarName], byId[similarSameCity.Id]);
        Assert.Equal([Reason.SimilarName], byId[similarSameBirth.Id]);
        // 张大伟 is one insertion from 张伟 in 广州 too: the rule finds it. 上海's 张玮 and the 章 surname are not found.
        Assert.Equal(6, found.Count);
        Assert.DoesNotContain(probe.Id, byId.Keys);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Details_being_typed_in_are_checked_and_merged_customers_are_never_candidates(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var survivor = await World.AddCustomerAsync(db, World.Person("陈静", "13800138000"));
        var duplicate = await World.AddCustomerAsync(db, World.Person("陈静", "13800138000"));
        await new MergeCustomers(db).Handle(new(survivor.Id, duplicate.Id, "同一人 same person"), Ct);

        var found = await new FindDuplicates(db).Handle(new(Name: "陈晶", Phone: "138-0013-8000", City: "广州"), Ct);
        var only = Assert.Single(found);
        Assert.Equal(survivor.Id, only.Customer.Id);
        Assert.Equal([Reason.SamePhone, Reason.SimilarName], only.Reasons);

        var error = await Assert.ThrowsAsync<ValidationException>(() => new FindDuplicates(db).Handle(new(Phone: "abc"), Ct));
        Assert.Contains(error.Errors, e => e.Field == "phone");
    }
}
