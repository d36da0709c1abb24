using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class IvrSessionTests
{
    private const string Caller = "13800138000";
    private readonly CallCenterWorld _world = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IvrSession Session() => new(IvrMenuLoader.Default(), "call-1", Caller, _world, _world, _world.Clock);

    /// <summary>A session past the greeting, its main menu played and waiting for a key.</summary>
    private async Task<IvrSession> AtMainMenu()
    {
        var session = Session();
        await session.StartAsync(Ct);
        await FinishPlaying(session);
        return session;
    }

    /// <summary>Plays out whatever the session asked to play, as the media side would.</summary>
    private static async Task<List<IvrAction>> FinishPlaying(IvrSession session)
    {
        var seen = new List<IvrAction>();
        while (session.Actions.TryRead(out var action))
        {
            seen.Add(action);
            if (action is PlayPrompts p) await session.PromptFinishedAsync(p.Sequence, Ct);
            if (action is AnnounceWorkOrders w) await session.PromptFinishedAsync(w.Sequence, Ct);
        }
        return seen;
    }

    [Fact]
    public async Task Caller_walks_to_information_then_back_and_to_an_agent_with_the_path_recorded()
    {
        using var session = await AtMainMenu();
        await session.KeyAsync('1', Ct);
        var heard = await FinishPlaying(session);
        await session.KeyAsync('9', Ct);
        await FinishPlaying(session);
        await session.KeyAsync('0', Ct);
        var last = await FinishPlaying(session);

        Assert.Contains(heard, a => a is PlayPrompts { Prompts: ["project-intro"] });
        Assert.Equal(new TransferToQueue("service", "1>9>0"), last[^1]);
        Assert.Equal(IvrOutcome.Queued, session.Outcome);
        Assert.Equal("1>9>0", session.Path);
    }

    [Fact]
    public async Task Silence_replays_the_menu_and_after_the_last_retry_goes_to_the_failure_node()
    {
        using var session = await AtMainMenu();

        _world.Advance(5.9);
        Assert.Empty(await FinishPlaying(session));
        _world.Advance(0.1);
        var firstRetry = await FinishPlaying(session);
        _world.Advance(6);
        await FinishPlaying(session);
        _world.Advance(6);
        var failed = await FinishPlaying(session);

        Assert.Equal(["main-menu"], Assert.IsType<PlayPrompts>(Assert.Single(firstRetry)).Prompts);
        Assert.Equal(new TransferToQueue("service", ""), failed[^1]);
        Assert.Equal(3, session.Retries);
    }

    [Fact]
    public async Task A_wrong_key_plays_the_invalid_prompt_before_the_menu()
    {
        using var session = await AtMainMenu();

        await session.KeyAsync('7', Ct);
        var replay = Assert.IsType<PlayPrompts>(Assert.Single(session.Actions.Drain()));

        Assert.Equal(["invalid-choice", "main-menu"], replay.Prompts);
        Assert.Equal("", session.Path);
        Assert.Equal(1, session.Retries);
    }

    [Fact]
    public async Task A_key_during_the_menu_prompt_interrupts_it_and_the_late_finish_is_ignored()
    {
        using var session = Session();
        await session.StartAsync(Ct);
        var welcome = Assert.IsType<PlayPrompts>(Assert.Single(session.Actions.Drain()));
        await session.PromptFinishedAsync(welcome.Sequence, Ct);
        var menu = Assert.IsType<PlayPrompts>(Assert.Single(session.Actions.Drain()));

        await session.KeyAsync('3', Ct);
        var handover = Assert.IsType<PlayPrompts>(Assert.Single(session.Actions.Drain()));
        await session.PromptFinishedAsync(menu.Sequence, Ct);

        Assert.Equal(["handover-schedule"], handover.Prompts);
        Assert.Empty(session.Actions.Drain());
        Assert.Equal("handover-schedule", session.CurrentNode);
    }

    [Fact]
    public async Task The_callers_own_work_orders_are_read_out_found_by_caller_id()
    {
        var order = new WorkOrderStatusLine("WO-2026-0042", "漏水 Leak in bathroom", "Dispatched", CallCenterWorld.Start.AddDays(2));
        _world.Orders[Caller] = [order];
        using var session = await AtMainMenu();

        await session.KeyAsync('4', Ct);
        var read = Assert.IsType<AnnounceWorkOrders>(session.Actions.Drain().Single());

        Assert.Equal([order], read.Orders);
        Assert.Equal(["your-work-orders"], read.Prompts);
    }

    [Fact]
    public async Task A_caller_without_orders_hears_that_there_are_none()
    {
        using var session = await AtMainMenu();

        await session.KeyAsync('4', Ct);

        Assert.Equal(["no-open-work-orders"], Assert.IsType<PlayPrompts>(session.Actions.Drain().Single()).Prompts);
    }

    [Fact]
    public async Task A_complaint_left_by_voicemail_is_saved_as_a_complaint_and_the_call_ends()
    {
        using var session = await AtMainMenu();
        await session.KeyAsync('5', Ct);
        var asked = await FinishPlaying(session);

        _world.Advance(40);
        await session.RecordingFinishedAsync("vm/call-1.wav", TimeSpan.FromSeconds(38), Ct);
        var end = await FinishPlaying(session);

        Assert.Equal(new RecordVoicemail(TimeSpan.FromSeconds(120)), asked[^1]);
        var saved = Assert.Single(_world.Voicemails);
        Assert.Equal(new VoicemailMessage("call-1", Caller, CallCenterWorld.Start.AddSeconds(40), "vm/call-1.wav", TimeSpan.FromSeconds(38), IsComplaint: true), saved);
        Assert.Equal(new HangUp("5"), end[^1]);
        Assert.Equal(IvrOutcome.HungUpByIvr, session.Outcome);
        var cdr = session.IvrOnlyDetail("4008001234", CallCenterWorld.Start);
        Assert.Equal((CallDisposition.Voicemail, "5", "vm/call-1.wav", CallCenterWorld.Start.AddSeconds(40)), (cdr.Disposition, cdr.IvrPath, cdr.RecordingFile, cdr.EndedAt));
    }

    [Fact]
    public async Task A_call_that_ends_in_self_service_gets_an_ivr_only_record_and_a_queued_one_does_not()
    {
        using var served = await AtMainMenu();
        await served.KeyAsync('2', Ct);
        await FinishPlaying(served);
        _world.Advance(75);
        served.CallerHungUp();
        using var queued = await AtMainMenu();
        await queued.KeyAsync('0', Ct);
        await FinishPlaying(queued);

        var cdr = served.IvrOnlyDetail("4008001234", CallCenterWorld.Start);

        Assert.Equal(new CallDetail("call-1", null, CallLegDirection.Inbound, Caller, "4008001234", CallDisposition.IvrOnly,
            CallCenterWorld.Start, CallCenterWorld.Start.AddSeconds(75), IvrPath: "2"), cdr);
        Assert.Throws<InvalidOperationException>(() => queued.IvrOnlyDetail("4008001234", CallCenterWorld.Start));
    }

    [Fact]
    public async Task A_caller_hanging_up_ends_the_session_and_stops_its_timers()
    {
        using var session = await AtMainMenu();

        session.CallerHungUp();
        _world.Advance(60);

        Assert.Empty(session.Actions.Drain());
        Assert.True(session.Actions.Completion.IsCompleted);
        Assert.Equal(IvrOutcome.CallerHungUp, session.Outcome);
    }
}
