using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Marketing;

public sealed class CallListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Given.Monday);

    private static async Task<(CreateCallList.Result List, Customer[] People)> ListOfThree(CrmDbContext db, bool secondIsDoNotCall = false)
    {
        var people = new[]
        {
            await Given.Customer(db, "张伟", "13800138000"),
            await Given.Customer(db, "李娜", "13912345678"),
            await Given.Customer(db, "王芳", "13700137000"),
        };
        people[1].DoNotCall = secondIsDoNotCall;
        await db.SaveChangesAsync(Ct);
        var list = await new CreateCallList(db, new FixedClock(Given.Monday)).Handle(new CreateCallList.Request("销售线索 3月2日", CallListKind.SalesLeads, Today,
            [new(people[0].Id, 0.41, "看过样板间"), new(people[1].Id, 0.87, "二次来访", 19), new(people[2].Id, 0.63)]), Ct);
        return (list, people);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Entries_are_ranked_by_score_and_do_not_call_customers_are_left_off(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();

        var (result, people) = await ListOfThree(db, secondIsDoNotCall: true);

        Assert.Equal([$"{people[1].Code} 李娜"], result.SkippedDoNotCall);
        await using var check = test.Context();
        var ranked = await check.CallListEntries.OrderBy(e => e.Rank).Select(e => new { e.Rank, e.CustomerId }).ToListAsync(Ct);
        Assert.Equal([(1, people[2].Id), (2, people[0].Id)], ranked.Select(e => (e.Rank, e.CustomerId)));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_list_with_a_repeated_customer_or_a_bad_hour_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var customer = await Given.Customer(db);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<ValidationException>(() => new CreateCallList(db, new FixedClock(Given.Monday)).Handle(
            new CreateCallList.Request("回访", CallListKind.ChurnCare, Today, [new(customer.Id, 0.5, BestHour: 24), new(customer.Id, 0.4)]), Ct));

        Assert.Equal(["entries", "entries[1].best-hour"], error.Errors.Select(e => e.Field));
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Do_not_call_flags_the_customer_and_a_call_back_needs_its_time(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var (result, people) = await ListOfThree(db);
        var entries = result.List.Entries.ToDictionary(e => e.CustomerId);
        var clock = new FixedClock(Given.Monday.AddHours(1));
        var record = new RecordCallDisposition(db, clock);

        await record.Handle(new RecordCallDisposition.Request(entries[people[0].Id].Id, CallDisposition.DoNotCall, "要求不要再打电话"), Ct);
        var noTime = await Assert.ThrowsAsync<ValidationException>(() => record.Handle(new RecordCallDisposition.Request(entries[people[1].Id].Id, CallDisposition.CallBack), Ct));
        await record.Handle(new RecordCallDisposition.Request(entries[people[1].Id].Id, CallDisposition.CallBack, "晚上再联系", Given.Monday.AddHours(10)), Ct);

        Assert.Equal("next-action-at", Assert.Single(noTime.Errors).Field);
        await using var check = test.Context();
        Assert.True((await check.Customers.SingleAsync(c => c.Id == people[0].Id, Ct)).DoNotCall);
        Assert.False((await check.Customers.SingleAsync(c => c.Id == people[1].Id, Ct)).DoNotCall);
        var callBack = await check.CallListEntries.SingleAsync(e => e.CustomerId == people[1].Id, Ct);
        Assert.Equal((CallDisposition.CallBack, Given.Monday.AddHours(10), clock.UtcNow), (callBack.Disposition, callBack.NextActionAt, callBack.DispositionAt));
    }
}
