using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Calls;

public sealed class DialerRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_run_starts_on_a_list_for_a_skill_once_at_a_time_and_stops_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var (listId, supervisor) = await ListAndSupervisorWithOutboundAgent(db);
        var clock = new FixedClock(Given.Monday);

        var run = await new StartDialerRun(db, clock).Handle(new StartDialerRun.Request(listId, " outbound ", supervisor), Ct);
        var second = await test.AssertRefused<DomainException>(refused => new StartDialerRun(refused, clock).Handle(new StartDialerRun.Request(listId, "outbound", supervisor), Ct));
        var unknownSkill = await test.AssertRefused<ValidationException>(refused => new StartDialerRun(refused, clock).Handle(new StartDialerRun.Request(listId, "vip", supervisor), Ct));
        await new StopDialerRun(db, clock).Handle(new StopDialerRun.Request(run.Id, supervisor), Ct);
        var stoppedTwice = await test.AssertRefused<DomainException>(refused => new StopDialerRun(refused, clock).Handle(new StopDialerRun.Request(run.Id, supervisor), Ct));
        var again = await new StartDialerRun(db, clock).Handle(new StartDialerRun.Request(listId, "outbound", supervisor), Ct);

        Assert.Equal("outbound", run.Skill);
        Assert.Equal("list", second.Field);
        Assert.Equal(["skill"], unknownSkill.Errors.Select(e => e.Field));
        Assert.Equal("run", stoppedTwice.Field);
        await using var read = test.Context();
        Assert.Equal([(run.Id, (DateTime?)Given.Monday), (again.Id, null)],
            (await read.DialerRuns.Where(r => r.CallListId == listId).OrderBy(r => r.StoppedAt == null).Select(r => new { r.Id, r.StoppedAt }).ToListAsync(Ct)).Select(r => (r.Id, r.StoppedAt)));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_run_with_nothing_left_to_dial_completes_with_nobody_as_the_one_who_stopped_it_and_only_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var (listId, supervisor) = await ListAndSupervisorWithOutboundAgent(db);
        var run = await new StartDialerRun(db, new FixedClock(Given.Monday)).Handle(new StartDialerRun.Request(listId, "outbound", supervisor), Ct);
        var clock = new FixedClock(Given.Monday.AddMinutes(5));

        await new CompleteDialerRun(db, clock).Handle(new CompleteDialerRun.Request(run.Id), Ct);
        var twice = await test.AssertRefused<DomainException>(refused => new CompleteDialerRun(refused, clock).Handle(new CompleteDialerRun.Request(run.Id), Ct));
        var stoppedAfter = await test.AssertRefused<DomainException>(refused => new StopDialerRun(refused, clock).Handle(new StopDialerRun.Request(run.Id, supervisor), Ct));

        Assert.Equal(("run", "run"), (twice.Field, stoppedAfter.Field));
        await using var read = test.Context();
        var completed = await read.DialerRuns.SingleAsync(r => r.Id == run.Id, Ct);
        Assert.Equal(((DateTime?)Given.Monday.AddMinutes(5), (Guid?)null), (completed.StoppedAt, completed.StoppedByUserId));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Calls_are_noted_before_they_ring_and_those_left_without_outcome_by_a_stopped_server_become_interrupted(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var (listId, supervisor) = await ListAndSupervisorWithOutboundAgent(db);
        var clock = new FixedClock(Given.Monday);
        var run = await new StartDialerRun(db, clock).Handle(new StartDialerRun.Request(listId, "outbound", supervisor), Ct);
        var entries = await db.CallListEntries.Where(e => e.CallListId == listId).OrderBy(e => e.Rank).Select(e => e.Id).ToListAsync(Ct);

        await new RecordDialerCalls(db).Handle(new RecordDialerCalls.Request(run.Id,
            [new(entries[0], "dial-1", "A001", Given.Monday), new(entries[1], "dial-2", "A002", Given.Monday)]), Ct);
        await new RecordDialerCallOutcome(db).Handle(new RecordDialerCallOutcome.Request("dial-1", DialerCallOutcome.NoAnswer, Given.Monday.AddSeconds(30)), Ct);
        var unknown = await test.AssertRefused<DomainException>(refused => new RecordDialerCallOutcome(refused).Handle(new RecordDialerCallOutcome.Request("dial-9", DialerCallOutcome.Answered, Given.Monday), Ct));
        var interrupted = await new InterruptDialerCalls(db, new FixedClock(Given.Monday.AddHours(1))).Handle(Ct);

        Assert.Equal("call", unknown.Field);
        Assert.Equal(1, interrupted);
        await using var read = test.Context();
        Assert.Equal([("dial-1", (DialerCallOutcome?)DialerCallOutcome.NoAnswer, (DateTime?)Given.Monday.AddSeconds(30)), ("dial-2", DialerCallOutcome.Interrupted, Given.Monday.AddHours(1))],
            (await read.DialerCalls.OrderBy(c => c.CallId).ToListAsync(Ct)).Select(c => (c.CallId, c.Outcome, c.EndedAt)));
    }

    /// <summary>A list of two customers, a supervisor, and an agent with the skill "outbound".</summary>
    private static async Task<(Guid ListId, Guid Supervisor)> ListAndSupervisorWithOutboundAgent(CrmDbContext db)
    {
        var supervisor = await Given.User(db);
        var agentUser = await Given.User(db, "agent.one");
        await new AddAgent(db).Handle(new AddAgent.Request(agentUser.Id, "A001", "8001", new Dictionary<string, int> { ["outbound"] = 3 }), Ct);
        var people = new[] { await Given.Customer(db, "张伟", "13800138000"), await Given.Customer(db, "李娜", "13912345678") };
        var list = await new CreateCallList(db, new FixedClock(Given.Monday)).Handle(new CreateCallList.Request("外呼 3月2日", CallListKind.SalesLeads,
            DateOnly.FromDateTime(Given.Monday), [new(people[0].Id, 0.9), new(people[1].Id, 0.8)]), Ct);
        return (list.List.Id, supervisor.Id);
    }
}
