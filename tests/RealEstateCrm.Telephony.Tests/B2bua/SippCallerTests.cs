using System.Net;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>sipp callers through the running call center: IVR navigation by RFC 4733 digits, abandons, voicemail,
/// sticky routing and CANCEL of the agent leg, against sipp phones registered as agents.</summary>
public sealed class SippCallerTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-callers-").FullName;
    private readonly List<IAsyncDisposable> _peers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers) await peer.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_caller_walks_the_IVR_by_RFC_4733_digits_and_the_IVR_path_is_recorded()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        var caller = Caller(bed, "4008", new CallerScenario().Pause(1000).Digit('1').Pause(1400).Digit('#'), callerHangsUp: false);

        await caller.AssertSucceedsAsync();
        var cdr = await bed.Ports.NextCdrAsync();

        Assert.Equal(CallDisposition.IvrOnly, cdr.Disposition);
        Assert.Equal("1>#", cdr.IvrPath);
        Assert.Equal(InProcessPorts.KnownCaller, cdr.Caller);
        Assert.Equal("4008", cdr.Callee);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_queued_is_recorded_as_abandoned()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        var caller = Caller(bed, "4008", new CallerScenario().Pause(1000).Digit('0').Pause(2000), callerHangsUp: true);

        await caller.AssertSucceedsAsync();
        var cdr = await bed.Ports.NextCdrAsync();

        Assert.Equal(CallDisposition.Abandoned, cdr.Disposition);
        Assert.Equal("service", cdr.Queue);
        Assert.Equal("0", cdr.IvrPath);
        Assert.NotNull(cdr.EnqueuedAt);
        Assert.Null(cdr.AgentNo);
    }

    [Fact]
    public async Task A_complaint_left_by_voicemail_in_the_IVR_reaches_the_voicemail_port_as_a_complaint()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        var caller = Caller(bed, "4008", new CallerScenario().Pause(1000).Digit('5').Pause(2500), callerHangsUp: true);

        await caller.AssertSucceedsAsync();
        var message = await bed.Ports.NextVoicemailAsync();
        var cdr = await bed.Ports.NextCdrAsync();

        Assert.True(message.IsComplaint);
        Assert.Equal(InProcessPorts.KnownCaller, message.Caller);
        Assert.True(File.Exists(message.File), message.File);
        Assert.Equal(CallDisposition.Voicemail, cdr.Disposition);
        Assert.Equal("5", cdr.IvrPath);
        Assert.Equal(message.File, cdr.RecordingFile);
    }

    [Fact]
    public async Task A_caller_who_waited_the_queues_maximum_leaves_a_voicemail()
    {
        await using var bed = await CallCenterTestBed.StartAsync(CallCenterTestBed.Queue(maxWait: TimeSpan.FromSeconds(1)));
        var caller = Caller(bed, "4009", new CallerScenario().Pause(3500), callerHangsUp: true);

        await caller.AssertSucceedsAsync();
        var message = await bed.Ports.NextVoicemailAsync();
        var cdr = await bed.Ports.NextCdrAsync();

        Assert.False(message.IsComplaint);
        Assert.True(File.Exists(message.File), message.File);
        Assert.Equal(CallDisposition.Voicemail, cdr.Disposition);
        Assert.Equal(message.File, cdr.RecordingFile);
    }

    [Fact]
    public async Task The_agent_leg_is_cancelled_when_the_caller_hangs_up_while_it_rings()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        var phone = await AgentPhoneAsync(bed, "8001", "agent_ring_only.xml");
        await bed.AgentReadyAsync("A1");

        var caller = Caller(bed, "4009", new CallerScenario().Pause(1500), callerHangsUp: true);

        await caller.AssertSucceedsAsync();
        await phone.AssertSucceedsAsync();
        var callerLeg = await bed.Ports.NextCdrAsync();
        var agentLeg = await bed.Ports.NextCdrAsync();
        Assert.Equal(CallDisposition.Abandoned, callerLeg.Disposition);
        Assert.Equal((CallDisposition.NoAnswer, "A1", callerLeg.CallId), (agentLeg.Disposition, agentLeg.AgentNo, agentLeg.ParentCallId));
    }

    [Fact]
    public async Task A_returning_caller_is_routed_to_the_agent_who_answered_them_last()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        await AgentPhoneAsync(bed, "8001", "agent_answer.xml", "-m", "2");
        await AgentPhoneAsync(bed, "8002", "agent_answer.xml", "-m", "2");
        await bed.AgentReadyAsync("A1");
        await bed.AgentReadyAsync("A2");

        var first = await AnsweredCallAsync(bed);
        var second = await AnsweredCallAsync(bed);

        Assert.NotNull(first.AgentNo);
        Assert.Equal(first.AgentNo, second.AgentNo);
    }

    [Fact]
    public async Task A_caller_through_a_record_routing_Kamailio_reaches_an_agent_and_hangs_up_along_the_route()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        await using var kamailio = Kamailio.Start(nextHop: bed.Switch.SipEndPoint);
        await AgentPhoneAsync(bed, "8001", "agent_answer.xml");
        await bed.AgentReadyAsync("A1");

        // Kamailio may still be starting: the INVITE retransmits every 500 ms until it answers.
        var caller = Caller(bed, "4009", new CallerScenario().Pause(1000), callerHangsUp: true, via: kamailio.EndPoint);

        await caller.AssertSucceedsAsync();
        var callerLeg = await bed.Ports.NextCdrAsync();
        await bed.Ports.NextCdrAsync();
        Assert.Equal((CallDisposition.Answered, "A1", "4009"), (callerLeg.Disposition, callerLeg.AgentNo, callerLeg.Callee));
        // sipp sends everything to Kamailio; the BYE got its 200 only because Kamailio's Route led it to the switch.
        Assert.Matches($@"\nBYE [^\n]*\n(?:[^\n]+\n)*?Route: <sip:127\.0\.0\.1:{kamailio.EndPoint.Port};lr", caller.MessageLog.ReplaceLineEndings("\n"));
    }

    private async Task<CallDetail> AnsweredCallAsync(CallCenterTestBed bed)
    {
        var caller = Caller(bed, "4009", new CallerScenario().Pause(1000), callerHangsUp: true);
        await caller.AssertSucceedsAsync();
        var cdr = await bed.Ports.NextCdrAsync();
        Assert.Equal(CallDisposition.Answered, cdr.Disposition);
        await bed.Ports.NextCdrAsync();
        return cdr;
    }

    /// <summary>A sipp caller dialling <paramref name="callee"/> at the switch, or at the proxy <paramref name="via"/>.</summary>
    private Sipp Caller(CallCenterTestBed bed, string callee, CallerScenario scenario, bool callerHangsUp, IPEndPoint? via = null)
    {
        if (Environment.UserName != "root") ExternalTool.Missing("root (sipp plays RTP captures only as root)");
        var sipp = Sipp.Start(scenario.Write(_folder, callerHangsUp), via ?? bed.Switch.SipEndPoint, "-s", InProcessPorts.KnownCaller, "-key", "callee", callee);
        _peers.Add(sipp);
        return sipp;
    }

    /// <summary>A sipp phone running <paramref name="scenario"/>, registered as <paramref name="extension"/> by a second sipp.</summary>
    private async Task<Sipp> AgentPhoneAsync(CallCenterTestBed bed, string extension, string scenario, params string[] extra)
    {
        var phone = Sipp.Start(Scenario(scenario), remote: null, extra);
        _peers.Add(phone);
        await using var register = Sipp.Start(Scenario("agent_register.xml"), bed.Switch.SipEndPoint,
            "-s", extension, "-au", extension, "-ap", InProcessPorts.Password, "-key", "contact_port", phone.Port.ToString());
        await register.AssertSucceedsAsync();
        return phone;
    }

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "B2bua", "Scenarios", name);
}
