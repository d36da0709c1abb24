using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;
using RealEstateCrm.Telephony.Tests.Sip;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>Listen-in and whisper on a live call: a sipp caller talks to a baresip agent (a 440 Hz tone) and a
/// supervisor's phone (our user agent, registered with the switch like any phone, saying a 1000 Hz tone) joins by a
/// feature code or is rung by the switch.</summary>
public sealed class SupervisionCallTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-supervision-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_supervisor_dialling_star_2_hears_both_sides_and_whispers_to_the_agent_only()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        await using var agentPhone = Baresip.Start(bed.Switch.SipEndPoint, "8001", InProcessPorts.Password);
        await bed.AgentReadyAsync("A1", agentPhone);
        await using var caller = Sipp.Start(new CallerScenario().Pause(6000).Write(_folder, callerHangsUp: true), bed.Switch.SipEndPoint,
            "-s", InProcessPorts.KnownCaller, "-key", "callee", "4009");
        var live = await LiveCallAsync(bed);
        await using var supervisor = await SupervisorPhone.RegisterAsync(bed, InProcessPorts.SupervisorPhone);

        var leg = supervisor.Dial($"{SupervisionFeatureCode.Whisper}8001", bed);
        var answer = await leg.Answered.Within();
        supervisor.Media.Apply(OfferAnswer.ReadAnswer(SessionDescription.Parse(answer)));
        using (supervisor.SayTone(1000))
            await Task.Delay(2000, Ct);
        var heard = supervisor.Heard();

        Assert.Equal([new SupervisionSession(live.CallId, "A1", "zhao.min", SupervisionMode.Whisper, default)],
            bed.Switch.LiveCalls.Single().Supervisors.Select(s => s with { Since = default }));
        Assert.True(heard.Length > 8000, $"the supervisor received {heard.Length} samples");
        Assert.True(AudioMath.ToneLevel(heard, 440) > 10 * AudioMath.ToneLevel(heard, 1000), "the supervisor hears the agent, not an echo of himself");
        await leg.HangupAsync();
        await caller.AssertSucceedsAsync();
        var callerLeg = await bed.Ports.NextCdrAsync();
        for (var i = 0; i < 50 && !File.Exists(callerLeg.RecordingFile); i++) await Task.Delay(100, Ct);
        // The recording's agent side is exactly what the caller was sent: the agent's voice, never the whisper.
        var sentToCaller = WavFile.Read(callerLeg.RecordingFile!).ChannelSamples(1);
        Assert.True(AudioMath.ToneLevel(sentToCaller, 440) > 10 * AudioMath.ToneLevel(sentToCaller, 1000), agentPhone.Output);
    }

    [Fact]
    public async Task A_phone_whose_user_may_not_supervise_the_agent_is_refused_with_403()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        await using var agentPhone = Baresip.Start(bed.Switch.SipEndPoint, "8001", InProcessPorts.Password);
        await bed.AgentReadyAsync("A1", agentPhone);
        await using var caller = Sipp.Start(new CallerScenario().Pause(4000).Write(_folder, callerHangsUp: true), bed.Switch.SipEndPoint,
            "-s", InProcessPorts.KnownCaller, "-key", "callee", "4009");
        await LiveCallAsync(bed);
        await using var colleague = await SupervisorPhone.RegisterAsync(bed, "8002");
        await using var stranger = new SupervisorPhone(TestCalls.StartAgent(user: InProcessPorts.SupervisorPhone));

        var refused = await Assert.ThrowsAsync<SipCallFailedException>(() => colleague.Dial($"{SupervisionFeatureCode.Listen}8001", bed).Answered.Within());
        var unregistered = await Assert.ThrowsAsync<SipCallFailedException>(() => stranger.Dial($"{SupervisionFeatureCode.Listen}8001", bed).Answered.Within());

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(403, unregistered.StatusCode);
        Assert.Empty(bed.Switch.LiveCalls.Single().Supervisors);
    }

    [Fact]
    public async Task The_switch_rings_the_supervisors_phone_for_listen_in_and_the_session_ends_with_the_call()
    {
        await using var bed = await CallCenterTestBed.StartAsync();
        await using var agentPhone = Baresip.Start(bed.Switch.SipEndPoint, "8001", InProcessPorts.Password);
        await bed.AgentReadyAsync("A1", agentPhone);
        await using var caller = Sipp.Start(new CallerScenario().Pause(4000).Write(_folder, callerHangsUp: true), bed.Switch.SipEndPoint,
            "-s", InProcessPorts.KnownCaller, "-key", "callee", "4009");
        var live = await LiveCallAsync(bed);
        await using var supervisor = await SupervisorPhone.RegisterAsync(bed, InProcessPorts.SupervisorPhone);

        Assert.Throws<UnauthorizedAccessException>(() => bed.Switch.Supervise(
            new Supervisor("wang.wei", ["agent"], IsSupervisor: false, null), InProcessPorts.SupervisorPhone, live.CallId, SupervisionMode.Listen));
        var session = bed.Switch.Supervise(InProcessPorts.CallSupervisor, InProcessPorts.SupervisorPhone, live.CallId, SupervisionMode.Listen);
        var ringing = await supervisor.Phone.NextCallAsync();
        var (sdp, negotiated) = OfferAnswer.Answer(SessionDescription.Parse(ringing.OfferSdp!), supervisor.Media.LocalEndPoint);
        supervisor.Media.Apply(negotiated);
        await ringing.AnswerAsync(sdp.ToString());
        await Task.Delay(1500, Ct);
        var heard = supervisor.Heard();

        Assert.Equal(SupervisionMode.Listen, session.Mode);
        Assert.True(AudioMath.ToneLevel(heard, 440) > 0 && heard.Length > 8000, $"the supervisor received {heard.Length} samples");
        await caller.AssertSucceedsAsync();
        await ringing.Ended.Within();
        Assert.Empty(bed.Switch.LiveCalls);
    }

    private static async Task<LiveCall> LiveCallAsync(CallCenterTestBed bed)
    {
        for (var i = 0; i < 100; i++)
        {
            if (bed.Switch.LiveCalls is [var call]) return call;
            await Task.Delay(100, Ct);
        }
        Assert.Fail("the caller was not bridged to the agent within 10 s");
        return null!;
    }

    /// <summary>A supervisor's desk phone: our user agent and an RTP session that keeps what it hears.</summary>
    private sealed class SupervisorPhone : IAsyncDisposable
    {
        private readonly MediaClock _clock = new();
        private readonly List<short> _heard = [];
        private readonly IDisposable _listening;

        public SupervisorPhone(SipUserAgent phone)
        {
            Phone = phone;
            Media = new RtpSession(_clock, RtpPortRange.Ephemeral(System.Net.IPAddress.Loopback));
            _listening = _clock.Subscribe(_ =>
            {
                while (Media.TryReadFrame(out var frame)) lock (_heard) _heard.AddRange(frame.Samples);
            });
        }

        public SipUserAgent Phone { get; }
        public RtpSession Media { get; }

        public static async Task<SupervisorPhone> RegisterAsync(CallCenterTestBed bed, string extension)
        {
            var phone = new SupervisorPhone(TestCalls.StartAgent(user: extension));
            var registered = await phone.Phone.RegisterAsync(SipUri.Create(null, "127.0.0.1", bed.Switch.SipEndPoint.Port), extension,
                InProcessPorts.Password, TimeSpan.FromMinutes(10)).Within();
            Assert.Equal(200, registered.StatusCode);
            return phone;
        }

        public OutgoingCall Dial(string number, CallCenterTestBed bed) =>
            Phone.Call(SipUri.Create(number, "127.0.0.1", bed.Switch.SipEndPoint.Port), OfferAnswer.CreateOffer(Media.LocalEndPoint).ToString());

        /// <summary>Sends a tone, a frame per clock tick, until disposed.</summary>
        public IDisposable SayTone(double hz)
        {
            var tone = AudioMath.Tone(hz, TimeSpan.FromSeconds(1));
            var offset = 0;
            return _clock.Subscribe(_ =>
            {
                Media.Send(tone.AsSpan(offset, MediaClock.SamplesPerFrame));
                offset = (offset + MediaClock.SamplesPerFrame) % tone.Length;
            });
        }

        public short[] Heard()
        {
            lock (_heard) return [.. _heard];
        }

        public async ValueTask DisposeAsync()
        {
            _listening.Dispose();
            await Media.DisposeAsync();
            await Phone.DisposeAsync();
            _clock.Dispose();
        }
    }
}
