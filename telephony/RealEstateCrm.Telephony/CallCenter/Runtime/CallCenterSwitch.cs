using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The running call center, a back-to-back user agent: callers' INVITEs are answered here, walked through the
/// IVR and queued; the <see cref="CallDistributor"/> picks an agent and the switch calls the agent's registered phone,
/// bridges the two legs with recording, and reports every hang-up back so the CDRs are written.</summary>
public sealed class CallCenterSwitch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, ActiveCall> _calls = new();
    private readonly Channel<AgentRinging> _screenPops = Channel.CreateUnbounded<AgentRinging>();
    private readonly AgentRegistrationWatch _registrations;
    private readonly Task _accepting, _dispatching;
    private readonly IReadOnlyList<AgentProfile> _agents;
    private readonly OutboundLegs _outbound;

    private CallCenterSwitch(CallCenterOptions options, CallCenterPorts ports, TimeProvider time, IReadOnlyList<AgentProfile> agents)
    {
        Options = options;
        Ports = ports;
        Time = time;
        Player = new PromptPlayer(Clock);
        Recorder = new VoicemailRecorder(Clock, Player);
        // The 180 goes out on the SIP receive thread with the 100: the caller hears ringing at once, whatever the load.
        _agents = agents;
        Sip = SipUserAgent.Start(options.Sip with { RingsAtOnce = invite => options.Serves(invite.Uri.User ?? "") }, ports.Agents, time);
        Distributor = new CallDistributor(options.Queues, ports.Distributor, time);
        _registrations = new AgentRegistrationWatch(Sip.Registrar!, Distributor, agents, options.RegistrationCheck, time);
        LiveSupervision = new LiveCallSupervision(this);
        _outbound = new OutboundLegs(this);
        var agentLegs = new AgentLegs(this);
        _accepting = Task.Run(AcceptAsync);
        _dispatching = Task.Run(() => agentLegs.RunAsync(_stopping.Token));
    }

    /// <summary>Starts listening for SIP. Checks first that every prompt the menu names can be played, so a missing
    /// recording is a start-up error naming the node, not a silent IVR.</summary>
    public static async Task<CallCenterSwitch> StartAsync(CallCenterOptions options, CallCenterPorts ports, TimeProvider? time = null, CancellationToken ct = default)
    {
        CheckPrompts(options);
        var agents = await ports.Agents.AgentsAsync(ct);
        return new CallCenterSwitch(options, ports, time ?? TimeProvider.System, agents);
    }

    public SipUserAgent Sip { get; }
    public CallDistributor Distributor { get; }
    public IPEndPoint SipEndPoint => Sip.UdpEndPoint;

    /// <summary>An agent's phone is ringing (it sent 180/183): the caller's customer record for the agent's screen.</summary>
    public ChannelReader<AgentRinging> ScreenPops => _screenPops.Reader;

    /// <summary>Calls the switch holds right now (in the IVR, queued, ringing or talking).</summary>
    public int ActiveCalls => _calls.Count;

    /// <summary>Calls bridged to an agent right now, oldest first, with their supervisors.</summary>
    public IReadOnlyList<LiveCall> LiveCalls =>
        [.. _calls.Values.Where(c => c.ConnectedAgentNo is not null && !c.Finished).OrderBy(c => c.StartedAt)
            .Select(c => new LiveCall(c.CallId, c.Caller, c.Callee, c.ConnectedAgentNo!, c.StartedAt, LiveSupervision.Board.On(c.CallId)))];

    /// <summary>The web's listen-in and whisper: rings the supervisor's phone and joins it to the live call once answered.</summary>
    /// <exception cref="UnauthorizedAccessException">The <see cref="SupervisionPolicy"/> refuses, saying why.</exception>
    /// <exception cref="ArgumentException">No such live call.</exception>
    /// <exception cref="InvalidOperationException">Another supervisor is on the call, or the phone is not registered.</exception>
    public SupervisionSession Supervise(Supervisor who, string supervisorExtension, string callId, SupervisionMode mode) =>
        LiveSupervision.Ring(who, supervisorExtension, callId, mode);

    /// <summary>The numbers callers dial for the IVR; the dialer shows customers one of them (the hotline they know).</summary>
    public IReadOnlySet<string> IvrNumbers => Options.IvrNumbers;

    /// <summary>Whether an outbound trunk is set up, so the dialer can reach customers.</summary>
    public bool DialsOut => Options.OutboundTrunk is not null;

    /// <summary>Places a dialer call (agent first, then the customer through <see cref="CallCenterOptions.OutboundTrunk"/>),
    /// bridges and records it, and returns when it has ended.</summary>
    public Task<DialOutcome> DialAsync(DialRequest request, string callerNumber, CancellationToken ct = default) =>
        _outbound.DialAsync(request, callerNumber, ct);

    internal LiveCallSupervision LiveSupervision { get; }
    internal CallCenterOptions Options { get; }
    internal CallCenterPorts Ports { get; }
    internal TimeProvider Time { get; }
    internal MediaClock Clock { get; } = new();
    internal PromptPlayer Player { get; }
    internal VoicemailRecorder Recorder { get; }
    internal CancellationToken Stopping => _stopping.Token;

    internal ActiveCall? Find(string callId) => _calls.GetValueOrDefault(callId);

    internal ActiveCall? CallOfAgent(string agentNo) => _calls.Values.FirstOrDefault(c => c.ConnectedAgentNo == agentNo && !c.Finished);

    /// <summary>The agent's profile from the directory read at start or, for an agent added since who logged in at a
    /// seat (the web's agent desktop logs seats in with a fresh profile), from the seat.</summary>
    internal AgentProfile? Agent(string agentNo) =>
        _agents.FirstOrDefault(a => a.AgentNo == agentNo) ?? (Distributor.IsKnown(agentNo) ? Distributor.Agent(agentNo).Profile : null);

    internal AgentProfile? AgentByExtension(string extension) => _agents.FirstOrDefault(a => a.Extension == extension);

    internal void PublishScreenPop(AgentRinging ringing) => _screenPops.Writer.TryWrite(ringing);

    internal string RecordingPath(string callId, string kind)
    {
        var folder = Path.Combine(Options.RecordingFolder, Time.GetUtcNow().ToString("yyyy-MM-dd"));
        Directory.CreateDirectory(folder);
        var safe = string.Concat(callId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        return Path.Combine(folder, $"{safe}-{kind}.wav");
    }

    internal RtpSession NewMediaSession() => new(Clock, Options.RtpPorts);

    private async Task AcceptAsync()
    {
        try
        {
            await foreach (var leg in Sip.IncomingCalls.ReadAllAsync(_stopping.Token))
                _ = new InboundCallFlow(this, leg).RunAsync(call => _calls[call.CallId] = call, call => _calls.TryRemove(call.CallId, out _));
        }
        catch (OperationCanceledException) { }
    }

    private static void CheckPrompts(CallCenterOptions options)
    {
        var problems = new List<string>();
        foreach (var node in options.Menu.Nodes.Values)
        {
            var names = node.Prompts.AsEnumerable();
            if (node is IvrChoice { InvalidPrompt: { } invalid }) names = names.Append(invalid);
            if (node is IvrWorkOrderStatus status) names = names.Append(status.NonePrompt);
            foreach (var name in names)
            {
                try { options.Prompts.Get(name); }
                catch (Exception e) when (e is FileNotFoundException or ArgumentException or InvalidDataException or WavFormatException)
                {
                    problems.Add($"IVR node \"{node.Id}\": prompt \"{name}\": {e.Message}");
                }
            }
        }
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        foreach (var call in _calls.Values)
        {
            call.CallerGone();
            await call.Leg.HangupAsync();
        }
        await _registrations.DisposeAsync();
        Distributor.Dispose();
        await Task.WhenAll(_accepting, _dispatching).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Sip.DisposeAsync();
        Clock.Dispose();
    }
}
