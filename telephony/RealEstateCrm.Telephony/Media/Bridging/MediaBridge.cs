namespace RealEstateCrm.Telephony.Media;

/// <summary>Relays audio between a caller's and an agent's RTP session, one frame each way per clock tick: the
/// payload passes untouched when both legs use the same codec, and is transcoded PCMU↔PCMA when they differ.
/// A supervisor can listen in (hears both sides, mixed) or whisper (is also heard by the agent, mixed over the
/// caller, never by the caller). A <see cref="CallRecorder"/> gets both sides in step. DTMF is not relayed: digits
/// stay with whoever reads the caller's <see cref="RtpSession.Digits"/>.</summary>
public sealed class MediaBridge : IDisposable
{
    private const int CatchUpFrames = 4;
    private readonly RtpSession _caller, _agent;
    private readonly PlayoutReader _fromCaller, _fromAgent;
    private PlayoutReader? _fromSupervisor;
    private readonly CallRecorder? _recorder;
    private readonly IDisposable _subscription;
    private readonly object _gate = new();
    private RtpSession? _supervisor;
    private Supervision _mode;
    private long _relayedToAgent, _relayedToCaller;

    public MediaBridge(MediaClock clock, RtpSession caller, RtpSession agent, CallRecorder? recorder = null)
    {
        _caller = caller;
        _agent = agent;
        _fromCaller = new PlayoutReader(caller);
        _fromAgent = new PlayoutReader(agent);
        _recorder = recorder;
        // Whatever queued up before the bridge (the caller talking over the hold music) is stale.
        caller.DiscardReceivedAudio();
        agent.DiscardReceivedAudio();
        _subscription = clock.Subscribe(OnTick);
    }

    public long FramesRelayedToAgent => Interlocked.Read(ref _relayedToAgent);
    public long FramesRelayedToCaller => Interlocked.Read(ref _relayedToCaller);

    /// <summary>Adds (or switches) the supervisor's session: from the next tick it hears both sides, and with
    /// <see cref="Supervision.Whisper"/> the agent hears it too.</summary>
    public void Supervise(RtpSession supervisor, Supervision mode)
    {
        supervisor.DiscardReceivedAudio();
        lock (_gate)
        {
            _supervisor = supervisor;
            _fromSupervisor = new PlayoutReader(supervisor);
            _mode = mode;
        }
    }

    public void StopSupervision()
    {
        lock (_gate) _supervisor = null;
    }

    private void OnTick(long tick)
    {
        RtpSession? supervisor;
        PlayoutReader? supervisorReader;
        Supervision mode;
        lock (_gate)
        {
            supervisor = _supervisor;
            supervisorReader = _fromSupervisor;
            mode = _mode;
        }
        var fromCaller = _fromCaller.Next();
        var fromAgent = _fromAgent.Next();
        var fromSupervisor = supervisorReader?.Next();
        Relay(fromCaller, fromAgent, supervisor, mode == Supervision.Whisper ? fromSupervisor : null);
        _recorder?.Write(fromCaller?.Samples, fromAgent?.Samples);
        // Catch up on a backlog at up to CatchUpFrames extra frames per tick, forwarding it downstream (each frame
        // keeps its own timestamp) so a stall costs a moment of delay, not lost audio or lasting latency.
        for (var extra = 0; extra < CatchUpFrames; extra++)
        {
            var (backlogCaller, backlogAgent) = (_fromCaller.Backlog(), _fromAgent.Backlog());
            var backlogSupervisor = supervisorReader?.Backlog();
            if (backlogCaller is null && backlogAgent is null && backlogSupervisor is null) break;
            Relay(backlogCaller, backlogAgent, supervisor, mode == Supervision.Whisper ? backlogSupervisor : null);
            if (backlogCaller is not null || backlogAgent is not null) _recorder?.Write(backlogCaller?.Samples, backlogAgent?.Samples);
        }
    }

    private void Relay(AudioFrame? fromCaller, AudioFrame? fromAgent, RtpSession? supervisor, AudioFrame? whisper)
    {
        if (whisper is not null)
        {
            _agent.Send(AudioMath.Mix(fromCaller?.Samples, whisper.Samples));
            Interlocked.Increment(ref _relayedToAgent);
        }
        else if (fromCaller is not null)
        {
            _agent.Send(fromCaller);
            Interlocked.Increment(ref _relayedToAgent);
        }
        if (fromAgent is not null)
        {
            _caller.Send(fromAgent);
            Interlocked.Increment(ref _relayedToCaller);
        }
        if (supervisor is not null && (fromCaller is not null || fromAgent is not null))
            supervisor.Send(AudioMath.Mix(fromCaller?.Samples, fromAgent?.Samples));
    }

    /// <summary>Stops relaying. The sessions and the recorder stay the caller's to close.</summary>
    public void Dispose() => _subscription.Dispose();
}
