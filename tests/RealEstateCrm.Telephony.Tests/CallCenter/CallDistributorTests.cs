using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class CallDistributorTests
{
    private readonly CallCenterWorld _world = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AcdQueueSettings Service(RoutingStrategy strategy = RoutingStrategy.LeastRecent) =>
        new("service", "service", strategy) { WrapUp = TimeSpan.FromSeconds(10), RingTimeout = TimeSpan.FromSeconds(15), MaxWait = TimeSpan.FromSeconds(120) };

    private Task<QueuedCall> Call(CallDistributor acd, string callId, string caller, string queue = "service") =>
        acd.EnqueueAsync(new InboundCall(callId, caller, "4008001234", queue, _world.Clock.GetUtcNow(), "0"), Ct);

    private static List<string> Rung(CallDistributor acd, string callId) =>
        [.. acd.Events.Drain().OfType<AgentRinging>().Where(r => r.CallId == callId).Select(r => r.AgentNo)];

    /// <summary>Answers, talks and hangs up, leaving the agent in wrap-up.</summary>
    private async Task Serve(CallDistributor acd, string agentNo, string callId, double talkSeconds = 60)
    {
        acd.Answer(agentNo, callId);
        _world.Advance(talkSeconds);
        await acd.AgentHungUpAsync(callId, Ct);
    }

    [Fact]
    public async Task Ringing_pops_the_callers_customer_record_on_the_agents_screen()
    {
        var customer = new CallerRecord(Guid.NewGuid(), "C001", "张伟", "Owner", "锦绣花园", 1);
        _world.Customers["13800138000"] = customer;
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 3)), "S01");

        await Call(acd, "c1", "13800138000");

        var ringing = Assert.Single(acd.Events.Drain().OfType<AgentRinging>());
        Assert.Equal(("c1", "A001", "8001", customer), (ringing.CallId, ringing.AgentNo, ringing.Extension, ringing.ScreenPop));
    }

    [Fact]
    public async Task Every_agent_state_change_comes_out_on_StateChanges_in_order_including_the_end_of_wrap_up_by_its_timer()
    {
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        acd.Pause("A001", "培训");
        acd.Resume("A001");
        await Call(acd, "c1", "13800000001");
        await Serve(acd, "A001", "c1");
        _world.Advance(10);

        Assert.Equal([AgentState.Idle, AgentState.Paused, AgentState.Idle, AgentState.Ringing, AgentState.Busy, AgentState.WrapUp, AgentState.Idle],
            acd.StateChanges.Drain().Where(c => c.AgentNo == "A001").Select(c => c.To));
    }

    [Fact]
    public async Task Leastrecent_rings_the_agent_free_longest_and_fewestcalls_the_one_with_fewest_answers()
    {
        using var acd = _world.Distributor(Service(RoutingStrategy.LeastRecent), new AcdQueueSettings("sales", "sales", RoutingStrategy.FewestCalls) { WrapUp = TimeSpan.Zero });
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1), ("sales", 1)), "S01");
        _world.Advance(1);
        acd.Login(CallCenterWorld.Agent("A002", ("service", 1), ("sales", 1)), "S02");
        await Call(acd, "c1", "13800000001");
        Assert.Equal(["A001"], Rung(acd, "c1"));
        await Serve(acd, "A001", "c1");
        _world.Advance(10);

        await Call(acd, "c2", "13800000002");
        Assert.Equal(["A002"], Rung(acd, "c2"));
        await Serve(acd, "A002", "c2");
        _world.Advance(10);

        // A002 is now the most recently free, but A001 has answered as many and was free earlier; fewestcalls
        // sees them tied on one answer each and falls back to who was free longest: A001. Give A001 a second call.
        await Call(acd, "c3", "13800000003", "sales");
        Assert.Equal(["A001"], Rung(acd, "c3"));
        await Serve(acd, "A001", "c3");
        await Call(acd, "c4", "13800000004", "sales");
        Assert.Equal(["A002"], Rung(acd, "c4"));
    }

    [Fact]
    public async Task Linear_always_tries_the_highest_skill_first_and_ringall_rings_everyone()
    {
        using var acd = _world.Distributor(Service(RoutingStrategy.Linear), new AcdQueueSettings("vip", "vip", RoutingStrategy.RingAll));
        acd.Login(CallCenterWorld.Agent("A001", ("service", 2), ("vip", 1)), "S01");
        acd.Login(CallCenterWorld.Agent("A002", ("service", 5), ("vip", 1)), "S02");
        acd.Login(CallCenterWorld.Agent("A003", ("service", 2)), "S03");

        await Call(acd, "c1", "13800000001");
        Assert.Equal(["A002"], Rung(acd, "c1"));
        acd.Decline("A002", "c1");
        Assert.Equal(["A001"], Rung(acd, "c1"));
        acd.Answer("A001", "c1");

        await Call(acd, "c2", "13800000002", "vip");
        Assert.Equal(["A002"], Rung(acd, "c2"));
        acd.Logout("A003");
        await acd.CallerHungUpAsync("c2", Ct);
        acd.Login(CallCenterWorld.Agent("A003", ("vip", 1)), "S03");
        await Call(acd, "c3", "13800000003", "vip");
        Assert.Equal(["A002", "A003"], Rung(acd, "c3"));
        acd.Answer("A003", "c3");
        var stopped = acd.Events.Drain().OfType<AgentRingingStopped>().Single();
        Assert.Equal(("A002", "answered by A003"), (stopped.AgentNo, stopped.Reason));
    }

    [Fact]
    public async Task Returning_caller_is_routed_to_last_agent()
    {
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        acd.Login(CallCenterWorld.Agent("A002", ("service", 1)), "S02");
        await Call(acd, "c1", "13800138000");
        Assert.Equal(["A001"], Rung(acd, "c1"));
        await Serve(acd, "A001", "c1");
        _world.Advance(30);

        // A002 has been free longer, so leastrecent alone would pick A002.
        var queued = await Call(acd, "c2", "13800138000");

        Assert.Equal("A001", queued.StickyAgentNo);
        Assert.Equal(["A001"], Rung(acd, "c2"));
    }

    [Fact]
    public async Task A_returning_caller_waits_for_a_busy_last_agent_then_falls_back_after_the_sticky_timeout()
    {
        _world.LastAgents["13800138000"] = "A001";
        using var acd = _world.Distributor(Service() with { StickyWait = TimeSpan.FromSeconds(20) });
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        acd.Login(CallCenterWorld.Agent("A002", ("service", 1)), "S02");
        await Call(acd, "other", "13900000000");
        acd.Answer(Rung(acd, "other").Single(), "other");
        Assert.Equal(AgentState.Busy, acd.Agent("A001").State);

        await Call(acd, "c2", "13800138000");
        Assert.Empty(Rung(acd, "c2"));
        _world.Advance(19.9);
        Assert.Empty(Rung(acd, "c2"));
        _world.Advance(0.1);

        Assert.Equal(["A002"], Rung(acd, "c2"));
    }

    [Fact]
    public async Task A_caller_flagged_at_risk_is_served_before_callers_who_came_earlier()
    {
        _world.AtRisk.Add("13700000003");
        using var acd = _world.Distributor(Service());
        await Call(acd, "c1", "13700000001");
        _world.Advance(5);
        await Call(acd, "c2", "13700000002");
        _world.Advance(5);
        var risky = await Call(acd, "c3", "13700000003");

        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");

        Assert.True(risky.AtRisk);
        Assert.Equal(["c3"], acd.Events.Drain().OfType<AgentRinging>().Select(r => r.CallId));
        Assert.Equal(["c1", "c2", "c3"], acd.Waiting("service").Select(c => c.CallId));
    }

    [Fact]
    public async Task Agents_without_the_queues_skill_are_never_rung()
    {
        using var acd = _world.Distributor(Service() with { MinSkillLevel = 3 });
        acd.Login(CallCenterWorld.Agent("A001", ("sales", 5)), "S01");
        acd.Login(CallCenterWorld.Agent("A002", ("service", 2)), "S02");

        await Call(acd, "c1", "13800000001");

        Assert.Empty(Rung(acd, "c1"));
    }

    [Fact]
    public async Task An_unanswered_ring_moves_the_call_to_the_next_agent_and_both_legs_are_recorded()
    {
        using var acd = _world.Distributor(Service(RoutingStrategy.Linear));
        acd.Login(CallCenterWorld.Agent("A001", ("service", 5)), "S01");
        acd.Login(CallCenterWorld.Agent("A002", ("service", 1)), "S02");
        await Call(acd, "c1", "13800000001");
        Assert.Equal(["A001"], Rung(acd, "c1"));

        _world.Advance(15);
        Assert.Equal(["A002"], Rung(acd, "c1"));
        _world.Advance(3);
        acd.AttachRecording("c1", "rec/c1.wav");
        await Serve(acd, "A002", "c1", talkSeconds: 100);

        Assert.Equal(3, _world.Cdrs.Count);
        var (caller, missed, answered) = (_world.Cdrs[0], _world.Cdrs[1], _world.Cdrs[2]);
        Assert.Equal((CallDisposition.Answered, "A002", 18, 100, "0", "rec/c1.wav"), (caller.Disposition, caller.AgentNo, caller.WaitSeconds, caller.TalkSeconds, caller.IvrPath, caller.RecordingFile));
        Assert.Equal((CallDisposition.NoAnswer, "A001", "c1", 15, 0), (missed.Disposition, missed.AgentNo, missed.ParentCallId, missed.WaitSeconds, missed.TalkSeconds));
        Assert.Equal((CallDisposition.Answered, "A002", "8002", 3, 100), (answered.Disposition, answered.AgentNo, answered.Callee, answered.WaitSeconds, answered.TalkSeconds));
        Assert.Null(missed.RecordingFile);
    }

    [Fact]
    public async Task A_call_that_waits_too_long_goes_to_voicemail_and_its_cdr_says_so()
    {
        using var acd = _world.Distributor(Service());
        await Call(acd, "c1", "13800000001");

        _world.Advance(120);
        var sent = acd.Events.Drain().OfType<CallSentToVoicemail>().Single();
        acd.AttachRecording("c1", "vm/c1.wav");
        _world.Advance(30);
        await acd.CallerHungUpAsync("c1", Ct);

        Assert.Equal(("c1", CallCenterWorld.Start.AddSeconds(120)), (sent.CallId, sent.At));
        var cdr = Assert.Single(_world.Cdrs);
        Assert.Equal((CallDisposition.Voicemail, "vm/c1.wav", (string?)null), (cdr.Disposition, cdr.RecordingFile, cdr.AgentNo));
        Assert.Empty(acd.Waiting("service"));
    }

    [Fact]
    public async Task A_callers_hang_up_reported_late_ends_the_cdr_when_the_caller_hung_up()
    {
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        await Call(acd, "c1", "13800000001");
        acd.Answer("A001", "c1");
        _world.Advance(40);
        var hungUpAt = _world.Clock.GetUtcNow();
        _world.Advance(2);

        await acd.CallerHungUpAsync("c1", hungUpAt, Ct);

        var callerLeg = _world.Cdrs.First();
        Assert.Equal((CallDisposition.Answered, hungUpAt, 40), (callerLeg.Disposition, callerLeg.EndedAt, callerLeg.TalkSeconds));
    }

    [Fact]
    public async Task A_caller_hanging_up_while_queued_is_an_abandon_with_its_wait_recorded()
    {
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        await Call(acd, "c1", "13800000001");
        _world.Advance(7);

        await acd.CallerHungUpAsync("c1", Ct);

        var events = acd.Events.Drain();
        Assert.Equal(TimeSpan.FromSeconds(7), events.OfType<CallAbandoned>().Single().Waited);
        Assert.Equal("caller hung up", events.OfType<AgentRingingStopped>().Single().Reason);
        Assert.Equal([CallDisposition.Abandoned, CallDisposition.NoAnswer], _world.Cdrs.Select(c => c.Disposition));
        Assert.Equal(7, _world.Cdrs[0].WaitSeconds);
        Assert.Equal(AgentState.Idle, acd.Agent("A001").State);
        Assert.Equal(1, acd.Statistics("service").Abandoned);
    }

    [Fact]
    public async Task After_a_call_the_agent_wraps_up_then_takes_the_next_waiting_call()
    {
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        await Call(acd, "c1", "13800000001");
        await Call(acd, "c2", "13800000002");
        await Serve(acd, "A001", "c1");

        Assert.Equal(AgentState.WrapUp, acd.Agent("A001").State);
        Assert.Empty(Rung(acd, "c2"));
        _world.Advance(10);

        Assert.Equal(["A001"], Rung(acd, "c2"));
    }

    [Fact]
    public async Task Every_state_change_of_an_agent_is_timestamped_in_order()
    {
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        _world.Advance(5);
        await Call(acd, "c1", "13800000001");
        _world.Advance(2);
        await Serve(acd, "A001", "c1", talkSeconds: 30);
        _world.Advance(10);
        acd.Pause("A001", "lunch");
        _world.Advance(60);
        acd.Resume("A001");

        var history = acd.Agent("A001").History;
        Assert.Equal(
            [(AgentState.Idle, 0), (AgentState.Ringing, 5), (AgentState.Busy, 7), (AgentState.WrapUp, 37), (AgentState.Idle, 47), (AgentState.Paused, 47), (AgentState.Idle, 107)],
            history.Select(h => (h.To, (int)(h.At - CallCenterWorld.Start).TotalSeconds)));
        Assert.Equal("lunch", history[5].Reason);
        Assert.Equal(history.Count, acd.Events.Drain().OfType<AgentStateChanged>().Count());
    }

    [Fact]
    public async Task Agents_refuse_impossible_moves_with_the_state_they_are_in()
    {
        using var acd = _world.Distributor(Service());
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        await Call(acd, "c1", "13800000001");

        var pause = Assert.Throws<InvalidOperationException>(() => acd.Pause("A001", "break"));
        var noReason = Assert.Throws<ArgumentException>(() => acd.Agent("A001").Pause(" "));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => Call(acd, "c2", "1", "billing"));

        Assert.Equal("agent A001 cannot pause while Ringing (needs Idle or WrapUp)", pause.Message);
        Assert.StartsWith("a pause needs a reason", noReason.Message);
        Assert.StartsWith("unknown queue \"billing\" (queues: service)", unknown.Message);
    }
}
