using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Calls;

public sealed class CallDetailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Ring = Given.Monday.AddHours(1);

    private static async Task<Agent> Agent(CrmDbContext db) =>
        await new AddAgent(db).Handle(new AddAgent.Request((await Given.User(db)).Id, "A001", "8001", new Dictionary<string, int> { ["投诉"] = 3 }), Ct);

    /// <summary>Rings at 10:00, 20 s of IVR, queued 40 s, answered, 3 minutes of talk.</summary>
    private static RecordCallDetail.Request Answered(Guid? agentId) => new(
        "sip-7f3a", CallDirection.Inbound, "+86 138-0013-8000", "4008001234", CallOutcome.Answered,
        Ring, Ring.AddSeconds(240), Ring.AddSeconds(20), Ring.AddSeconds(60), WaitSeconds: 40, TalkSeconds: 180, AgentId: agentId, Queue: "投诉");

    [Theory, ClassData(typeof(Providers))]
    public async Task An_inbound_call_is_stored_with_normalised_numbers_and_the_caller_found_by_phone(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var caller = await Given.Customer(db, "张伟", "13800138000");
        var agent = await Agent(db);

        var record = await new RecordCallDetail(db).Handle(Answered(agent.Id), Ct);

        await using var check = test.Context();
        var stored = await check.CallRecords.SingleAsync(c => c.Id == record.Id, Ct);
        Assert.Equal(("13800138000", "4008001234", caller.Id, agent.Id), (stored.Caller, stored.Callee, stored.CustomerId, stored.AgentId));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_number_shared_by_two_customers_matches_nobody_and_extensions_stay_as_dialled(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var husband = await Given.Customer(db, "刘洋", "13600136000");
        var wife = await Given.Customer(db, "陈静", "13500135000");
        db.CustomerContacts.Add(new CustomerContact { CustomerId = wife.Id, Kind = ContactKind.Phone, Value = husband.Phone!, Label = "丈夫" });
        await db.SaveChangesAsync(Ct);

        var shared = await new RecordCallDetail(db).Handle(new RecordCallDetail.Request("sip-1", CallDirection.Outbound, "8001", "136 0013 6000",
            CallOutcome.NoAnswer, Ring, Ring.AddSeconds(30), WaitSeconds: 30), Ct);
        var contact = await new RecordCallDetail(db).Handle(new RecordCallDetail.Request("sip-2", CallDirection.Outbound, "8001", "13500135000",
            CallOutcome.NoAnswer, Ring, Ring.AddSeconds(30), WaitSeconds: 30), Ct);

        Assert.Equal(("8001", "13600136000", (Guid?)null), (shared.Caller, shared.Callee, shared.CustomerId));
        Assert.Equal(wife.Id, contact.CustomerId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Times_out_of_order_and_seconds_that_disagree_with_them_are_refused_by_field(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var agent = await Agent(db);
        var before = await Refusal.StoredChanges(test);
        var record = new RecordCallDetail(db);

        var outOfOrder = await Assert.ThrowsAsync<ValidationException>(() => record.Handle(Answered(agent.Id) with { AnsweredAt = Ring.AddSeconds(10) }, Ct));
        var endedEarly = await Assert.ThrowsAsync<ValidationException>(() => record.Handle(Answered(agent.Id) with { EndedAt = Ring.AddSeconds(50), TalkSeconds = 0 }, Ct));
        var wrongSeconds = await Assert.ThrowsAsync<ValidationException>(() => record.Handle(Answered(agent.Id) with { WaitSeconds = 60, TalkSeconds = 200 }, Ct));
        var noAgent = await Assert.ThrowsAsync<ValidationException>(() => record.Handle(Answered(null), Ct));

        Assert.Contains("answered-at", outOfOrder.Errors.Select(e => e.Field));
        Assert.Contains("ended-at", endedEarly.Errors.Select(e => e.Field));
        Assert.Equal(["wait-seconds", "talk-seconds"], wrongSeconds.Errors.Select(e => e.Field));
        Assert.Equal("agent", noAgent.Errors.Single().Field);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_abandoned_call_has_no_answer_time_and_waits_until_it_ends(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();

        var abandoned = await new RecordCallDetail(db).Handle(new RecordCallDetail.Request("sip-9", CallDirection.Inbound, "13912345678", "4008001234",
            CallOutcome.Abandoned, Ring, Ring.AddSeconds(95), EnqueuedAt: Ring.AddSeconds(15), WaitSeconds: 80, Queue: "投诉"), Ct);
        var answerTime = await Assert.ThrowsAsync<ValidationException>(() => new RecordCallDetail(db).Handle(new RecordCallDetail.Request("sip-10", CallDirection.Inbound,
            "13912345678", "4008001234", CallOutcome.Abandoned, Ring, Ring.AddSeconds(95), Ring.AddSeconds(15), Ring.AddSeconds(95), WaitSeconds: 80), Ct));

        Assert.Equal((80, 0, (Guid?)null), (abandoned.WaitSeconds, abandoned.TalkSeconds, abandoned.CustomerId));
        Assert.Equal("outcome", answerTime.Errors.Single().Field);
    }
}
