using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class OutboundDialerTests
{
    private readonly CallCenterWorld _world = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid ListId = Guid.Parse("7d1f0000-0000-0000-0000-000000000001");

    private DialTarget Target(int rank, string? phone = "1380000000", bool dnc = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), $"客户{rank}", phone is null ? null : phone + rank, rank, dnc);

    private async Task<OutboundDialer> Dialer(DialerMode mode)
    {
        var dialer = new OutboundDialer(ListId, mode, "4008001234", _world, _world, _world.Clock);
        await dialer.LoadAsync(Ct);
        return dialer;
    }

    [Fact]
    public async Task Progressive_dialling_places_one_call_per_idle_agent_and_skips_do_not_call()
    {
        _world.CallList.AddRange([Target(2), Target(1, dnc: true), Target(3), Target(4, phone: null), Target(5)]);
        var dialer = await Dialer(DialerMode.Progressive);

        var first = dialer.Pace(["A001", "A002"]);
        var again = dialer.Pace(["A001", "A002"]);
        await dialer.CompleteAsync(first[0].CallId, DialResult.NoAnswer, ct: Ct);
        var next = dialer.Pace(["A001", "A002"]);

        Assert.Equal([("A001", 2), ("A002", 3)], first.Select(r => (r.AgentNo, r.Target.Rank)));
        Assert.Empty(again);
        Assert.Equal([("A001", 5)], next.Select(r => (r.AgentNo, r.Target.Rank)));
        Assert.Equal([1, 4], dialer.Skipped.Select(t => t.Rank));
        Assert.Equal(0, dialer.Remaining);
    }

    [Fact]
    public async Task An_answered_call_writes_the_agents_disposition_and_an_outbound_cdr()
    {
        _world.CallList.Add(Target(1));
        var dialer = await Dialer(DialerMode.Progressive);
        var call = dialer.Pace(["A001"]).Single();
        _world.Advance(8);
        var answered = _world.Clock.GetUtcNow();
        _world.Advance(95);

        await dialer.CompleteAsync(call.CallId, DialResult.Answered, answered, DialDisposition.AppointmentMade, "周六看房", ct: Ct);

        Assert.Equal((call.Target.EntryId, DialDisposition.AppointmentMade, "周六看房"), Assert.Single(_world.Dispositions));
        var cdr = Assert.Single(_world.Cdrs);
        Assert.Equal((CallLegDirection.Outbound, "4008001234", "13800000001", CallDisposition.Answered, "A001", 8, 95, call.Target.EntryId),
            (cdr.Direction, cdr.Caller, cdr.Callee, cdr.Disposition, cdr.AgentNo, cdr.WaitSeconds, cdr.TalkSeconds, cdr.CallListEntryId));
    }

    [Fact]
    public async Task A_failed_call_writes_no_disposition_so_a_later_run_tries_again()
    {
        _world.CallList.Add(Target(1));
        var dialer = await Dialer(DialerMode.Progressive);
        var call = dialer.Pace(["A001"]).Single();

        await dialer.CompleteAsync(call.CallId, DialResult.Failed, ct: Ct);

        Assert.Empty(_world.Dispositions);
        Assert.Equal(CallDisposition.Failed, Assert.Single(_world.Cdrs).Disposition);
        await Assert.ThrowsAsync<ArgumentException>(() => dialer.CompleteAsync(call.CallId, DialResult.Busy, ct: Ct));
    }

    [Fact]
    public async Task In_preview_an_agent_sees_the_next_customer_and_dials_or_skips_it()
    {
        _world.CallList.AddRange([Target(1), Target(2), Target(3)]);
        var dialer = await Dialer(DialerMode.Preview);

        var shown = dialer.Preview("A001")!;
        Assert.Same(shown, dialer.Preview("A001"));
        Assert.Equal(2, dialer.Preview("A002")!.Rank);
        dialer.Skip("A001");
        var nextForA001 = dialer.Preview("A001")!;
        var call = dialer.Dial("A001");

        Assert.Equal((1, 3), (shown.Rank, nextForA001.Rank));
        Assert.Equal(nextForA001, call.Target);
        Assert.Equal([1], dialer.Skipped.Select(t => t.Rank));
        Assert.Throws<InvalidOperationException>(() => dialer.Pace(["A003"]));
        Assert.Throws<InvalidOperationException>(() => dialer.Dial("A003"));
    }

    [Fact]
    public async Task Progressive_pacing_follows_the_distributors_idle_agents_and_an_agent_dialling_out_gets_no_inbound_call()
    {
        _world.CallList.AddRange([Target(1), Target(2)]);
        var dialer = await Dialer(DialerMode.Progressive);
        using var acd = _world.Distributor(new AcdQueueSettings("service", "service", RoutingStrategy.LeastRecent));
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1), ("outbound", 1)), "S01");
        acd.Login(CallCenterWorld.Agent("A002", ("service", 1)), "S02");

        var call = dialer.Pace(acd.IdleAgents("outbound")).Single();
        acd.StartOutbound(call.AgentNo, call.CallId);
        await acd.EnqueueAsync(new InboundCall("in-1", "13900000000", "400", "service", _world.Clock.GetUtcNow()), Ct);
        var rung = acd.Events.Drain().OfType<AgentRinging>().Select(r => r.AgentNo).ToList();
        _world.Advance(60);
        await dialer.CompleteAsync(call.CallId, DialResult.NoAnswer, ct: Ct);
        acd.EndOutbound("A001", TimeSpan.FromSeconds(5));
        var duringWrapUp = dialer.Pace(acd.IdleAgents("outbound"));
        _world.Advance(5);

        Assert.Equal("A001", call.AgentNo);
        Assert.Equal(["A002"], rung);
        Assert.Empty(duringWrapUp);
        Assert.Equal(["A001"], acd.IdleAgents("outbound"));
        Assert.Equal("agent A002 is on inbound call in-1, not an outbound one",
            Assert.Throws<InvalidOperationException>(() => { acd.Answer("A002", "in-1"); acd.EndOutbound("A002", TimeSpan.Zero); }).Message);
    }
}
