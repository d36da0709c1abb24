using System.Collections.Concurrent;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>The outbound dialer placing real calls: baresip is the agent's phone (rung first, auto-answer, a 440 Hz
/// tone) and sipp behind the outbound trunk is the customer.</summary>
public sealed class DialerCallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid ListId = Guid.Parse("7d1f0000-0000-0000-0000-0000000000d1");

    [Fact]
    public async Task A_progressive_call_rings_the_agent_then_the_customer_bridges_records_and_writes_cdr_and_disposition_never_dialling_do_not_call()
    {
        await using var customer = Sipp.Start(Path.Combine(AppContext.BaseDirectory, "B2bua", "Scenarios", "customer_answers.xml"), remote: null);
        await using var bed = await CallCenterTestBed.StartAsync(outboundTrunk: SipUri.Create(null, "127.0.0.1", customer.Port));
        await using var agentPhone = Baresip.Start(bed.Switch.SipEndPoint, "8001", InProcessPorts.Password);
        await bed.AgentReadyAsync("A1", agentPhone);
        var doNotCall = new DialTarget(Guid.NewGuid(), Guid.NewGuid(), "钱多多", "13900000001", 1, DoNotCall: true);
        var willing = new DialTarget(Guid.NewGuid(), Guid.NewGuid(), "孙悦", "13800000002", 2, DoNotCall: false);
        var list = new InMemoryCallList([doNotCall, willing]);
        var dialer = new OutboundDialer(ListId, DialerMode.Progressive, "4008001234", list, bed.Ports, TimeProvider.System);
        await dialer.LoadAsync(Ct);
        var desk = new DialerDesk(bed.Switch, dialer, skill: "service");

        var placed = desk.Pace();
        var ended = desk.Ended.ReadAsync(Ct).AsTask();
        if (await Task.WhenAny(ended, Task.Delay(TimeSpan.FromSeconds(30), Ct)) != ended) Assert.Fail($"the call did not end within 30 s\n{customer.Describe()}\n{agentPhone.Output}");
        var (request, outcome) = await ended;
        var pacedWhileAwaitingDisposition = desk.Pace();
        await desk.DispositionAsync(request.CallId, DialDisposition.AppointmentMade, "周六看房", ct: Ct);
        var cdr = await bed.Ports.NextCdrAsync();
        await customer.AssertSucceedsAsync();

        Assert.Equal([("A1", willing.EntryId)], placed.Select(r => (r.AgentNo, r.Target.EntryId)));
        Assert.Empty(pacedWhileAwaitingDisposition);
        Assert.Equal([doNotCall], dialer.Skipped);
        Assert.Contains("INVITE sip:13800000002@", customer.MessageLog);
        Assert.DoesNotContain("13900000001", customer.MessageLog);
        Assert.Equal(DialResult.Answered, outcome.Result);
        Assert.Equal((CallLegDirection.Outbound, CallDisposition.Answered, "4008001234", "13800000002", "A1", willing.EntryId),
            (cdr.Direction, cdr.Disposition, cdr.Caller, cdr.Callee, cdr.AgentNo, cdr.CallListEntryId));
        Assert.InRange(cdr.TalkSeconds, 1, 4);
        Assert.Equal(outcome.EndedAt, cdr.EndedAt);
        Assert.Equal([(willing.EntryId, DialDisposition.AppointmentMade, "周六看房")], list.Written);
        // The customer's side of the recording is silent sipp, the agent's carries baresip's tone across the bridge.
        var agentSide = WavFile.Read(cdr.RecordingFile!).ChannelSamples(1);
        Assert.True(AudioMath.ToneLevel(agentSide, 440) > 10 * AudioMath.ToneLevel(agentSide, 1000), agentPhone.Output);
        Assert.Equal(AgentState.Idle, bed.Switch.Distributor.Agent("A1").State);
    }

    private sealed class InMemoryCallList(IReadOnlyList<DialTarget> targets) : IOutboundCallList
    {
        private readonly ConcurrentQueue<(Guid, DialDisposition, string?)> _written = new();

        public IReadOnlyList<(Guid EntryId, DialDisposition Disposition, string? Notes)> Written => [.. _written];

        public Task<IReadOnlyList<DialTarget>> PendingAsync(Guid listId, CancellationToken ct = default) => Task.FromResult(targets);

        public Task RecordDispositionAsync(Guid entryId, DialDisposition disposition, string? notes = null, DateTimeOffset? callBackAt = null, CancellationToken ct = default)
        {
            _written.Enqueue((entryId, disposition, notes));
            return Task.CompletedTask;
        }
    }
}
