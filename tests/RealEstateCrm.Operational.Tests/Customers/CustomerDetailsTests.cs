using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Customers;

public sealed class CustomerDetailsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 11010519491231002X: a valid GB 11643 number, born 1949-12-31.
    private const string IdNumber = "11010519491231002x";

    [Theory, ClassData(typeof(Providers))]
    public async Task A_customer_is_stored_with_a_normalised_phone_contacts_tags_and_family(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var wife = await World.AddCustomerAsync(db, World.Person("林芳", "13900139000"));
        var customer = await World.AddCustomerAsync(db, World.Person("张伟", "+86 138-0013-8000") with
        {
            IdNumber = IdNumber,
            Email = "zhangwei@example.cn",
            DoNotCall = true,
            ReferralSource = "老带新 owner referral",
            ReferredByCustomerId = wife.Id,
            Contacts = [new(ContactKind.Phone, "020-8888 6666", "办公室"), new(ContactKind.WeChat, "zw_gz")],
            Tags = ["改善型", "学区", "学区"],
            Family = [new(wife.Id, FamilyRelation.Spouse)],
        });

        await using var read = test.Context();
        var stored = await read.Customers.Include(c => c.Contacts).Include(c => c.Tags).SingleAsync(c => c.Id == customer.Id, Ct);
        Assert.Equal("13800138000", stored.Phone);
        Assert.Equal("11010519491231002X", stored.IdNumber);
        Assert.Equal(new DateOnly(1949, 12, 31), stored.BirthDate);
        Assert.StartsWith("KH", stored.Code);
        Assert.True(stored.DoNotCall);
        Assert.Contains(stored.Contacts, c => c is { Kind: ContactKind.Phone, Value: "02088886666" });
        Assert.Equal(["学区", "改善型"], stored.Tags.Select(t => t.Tag).Order());
        Assert.Equal(wife.Id, (await read.FamilyLinks.SingleAsync(f => f.CustomerId == customer.Id, Ct)).RelatedCustomerId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Bad_details_are_refused_naming_every_field_at_fault(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var noWay = await test.AssertRefused<ValidationException>(db => World.AddCustomerAsync(db, World.Person(" ", null)));
        Assert.Equal(["name", "phone"], noWay.Errors.Select(e => e.Field).Order());

        var bad = await test.AssertRefused<ValidationException>(db => World.AddCustomerAsync(db, World.Person("王芳", "12345") with
        {
            IdNumber = "110105194912310021",
            Email = "wangfang.example.cn",
            Address = new string('路', 201),
            Contacts = [new(ContactKind.Phone, "call me")],
            ReferredByCustomerId = Guid.CreateVersion7(),
        }));
        Assert.Equal(["address", "contacts[0].value", "email", "id-number", "phone", "referred-by"], bad.Errors.Select(e => e.Field).Order());

        var mismatch = await test.AssertRefused<ValidationException>(db => World.AddCustomerAsync(db, World.Person("王芳", null) with { IdNumber = IdNumber, BirthDate = new DateOnly(1950, 1, 1) }));
        Assert.Equal("birth-date", Assert.Single(mismatch.Errors).Field);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_customer_taken_from_a_call_needs_his_home_project_named_with_the_other_faults(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var refused = await test.AssertRefused<ValidationException>(db =>
            new CreateCustomer(db).Handle(new CreateCustomer.Request(World.Person(" ", "13700137000"), HomeProjectRequired: true), Ct));
        Assert.Equal(["home-project", "name"], refused.Errors.Select(e => e.Field).Order());

        await using var db = test.Context();
        var project = (await Service.Given.Project(db)).Id;
        var created = await new CreateCustomer(db).Handle(new CreateCustomer.Request(World.Person("周杰", "13700137000", project), HomeProjectRequired: true), Ct);
        await using var read = test.Context();
        Assert.Equal(project, (await read.Customers.SingleAsync(c => c.Id == created.Id, Ct)).HomeProjectId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_id_number_or_an_email_is_enough_without_a_phone(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        Assert.Null((await World.AddCustomerAsync(db, World.Person("赵静", null) with { IdNumber = IdNumber })).Phone);
        Assert.Equal("zj@example.cn", (await World.AddCustomerAsync(db, World.Person("赵静", null) with { Email = "zj@example.cn" })).Email);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_update_replaces_contacts_and_tags_keeping_the_unchanged_rows(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        Customer customer;
        await using (var db = test.Context())
            customer = await World.AddCustomerAsync(db, World.Person("张伟", "13800138000") with
            {
                Contacts = [new(ContactKind.Phone, "13700137000"), new(ContactKind.WeChat, "zw_gz")],
                Tags = ["学区", "投资"],
            });
        Guid keptContact;
        await using (var db = test.Context())
            keptContact = await db.CustomerContacts.Where(c => c.Kind == ContactKind.Phone).Select(c => c.Id).SingleAsync(Ct);

        await using (var db = test.Context())
            await new UpdateCustomer(db).Handle(new(customer.Id, World.Person("张伟", "13800138000") with
            {
                City = "佛山",
                MarketingConsent = true,
                Contacts = [new(ContactKind.Phone, "137 0013 7000")],
                Tags = ["学区", "改善型"],
            }), Ct);

        await using var read = test.Context();
        var stored = await read.Customers.Include(c => c.Contacts).Include(c => c.Tags).SingleAsync(c => c.Id == customer.Id, Ct);
        Assert.Equal("佛山", stored.City);
        Assert.True(stored.MarketingConsent);
        Assert.Equal(keptContact, Assert.Single(stored.Contacts).Id);
        Assert.Equal(["学区", "改善型"], stored.Tags.Select(t => t.Tag).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Updating_a_merged_duplicate_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        Customer survivor, duplicate;
        await using (var db = test.Context())
        {
            survivor = await World.AddCustomerAsync(db, World.Person("张伟", "13800138000"));
            duplicate = await World.AddCustomerAsync(db, World.Person("张伟", "13800138000"));
            await new MergeCustomers(db).Handle(new(survivor.Id, duplicate.Id, "同一手机号 same phone"), Ct);
        }

        var error = await test.AssertRefused<DomainException>(db => new UpdateCustomer(db).Handle(new(duplicate.Id, World.Person("张伟", "13800138000")), Ct));
        Assert.Equal("customer", error.Field);
    }
}
