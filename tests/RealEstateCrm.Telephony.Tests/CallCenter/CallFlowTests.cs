using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

/// <summary>The pieces joined as the switch joins them: the IVR hands the call to the ACD, an agent takes it, the CDR tells it all.</summary>
public sealed class CallFlowTests
{
    private readonly CallCenterWorld _world = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_caller_walks_the_ivr_into_the_queue_reaches_an_agent_and_the_cdr_carries_path_wait_and_talk()
    {
        var arrived = _world.Clock.GetUtcNow();
        using var acd = _world.Distributor(new AcdQueueSettings("service", "service", RoutingStrategy.LeastRecent));
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        using var ivr = new IvrSession(IvrMenuLoader.Default(), "sip-7", "13800138000", _world, _world, _world.Clock);
        await ivr.StartAsync(Ct);

        TransferToQueue? transfer = null;
        var keys = new Queue<char>(['1', '0']);
        await foreach (var action in ivr.Actions.ReadAllAsync(Ct))
        {
            _world.Advance(3);
            switch (action)
            {
                case PlayPrompts { Prompts: ["back-or-agent"] or ["main-menu"] } menu when keys.Count > 0:
                    await ivr.PromptFinishedAsync(menu.Sequence, Ct);
                    await ivr.KeyAsync(keys.Dequeue(), Ct);
                    break;
                case PlayPrompts play: await ivr.PromptFinishedAsync(play.Sequence, Ct); break;
                case TransferToQueue t: transfer = t; break;
            }
        }
        await acd.EnqueueAsync(new InboundCall(ivr.CallId, ivr.Caller, "4008001234", transfer!.Queue, arrived, transfer.IvrPath), Ct);
        _world.Advance(4);
        acd.Answer("A001", "sip-7");
        _world.Advance(120);
        await acd.CallerHungUpAsync("sip-7", Ct);

        var cdr = _world.Cdrs[0];
        Assert.Equal(("1>0", "service", "A001", CallDisposition.Answered), (cdr.IvrPath, cdr.Queue, cdr.AgentNo, cdr.Disposition));
        Assert.Equal((arrived, 4, 120), (cdr.StartedAt, cdr.WaitSeconds, cdr.TalkSeconds));
        Assert.True(cdr.EnqueuedAt > arrived);
    }
}
