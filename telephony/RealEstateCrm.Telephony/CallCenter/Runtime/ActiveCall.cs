using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip.Calls;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>One caller's call while the switch holds it: the caller's SIP leg and RTP session, the agent legs
/// ringing, and once connected the bridge and its recording. <see cref="TryFinish"/> makes sure exactly one side
/// (caller's hang-up, agent's hang-up, voicemail) closes the call and writes its records.</summary>
internal sealed class ActiveCall(IncomingCall leg, RtpSession media, DateTimeOffset startedAt)
{
    private readonly CancellationTokenSource _gone = new();
    private readonly Dictionary<string, AgentPhoneLeg> _agents = [];
    private readonly TaskCompletionSource _voicemailDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _finished, _queued, _voicemail;
    private SupervisorLeg? _supervisor;

    public IncomingCall Leg { get; } = leg;
    public RtpSession Media { get; } = media;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public string CallId => Leg.CallId;
    public string Caller => Leg.Caller.Uri.User ?? Leg.Caller.Uri.Host;
    public string Callee => Leg.RequestUri.User ?? Leg.RequestUri.Host;

    /// <summary>Cancelled when the caller hangs up (or the switch stops).</summary>
    public CancellationToken Gone => _gone.Token;

    /// <summary>Cancelled when the caller stops waiting on hold: connected to an agent, sent to voicemail, or gone.</summary>
    public CancellationTokenSource Hold { get; } = new();

    public MediaBridge? Bridge { get; set; }
    /// <summary>The agent the caller talks to, once bridged.</summary>
    public string? ConnectedAgentNo { get; set; }
    public CallRecorder? Recorder { get; set; }

    public bool Queued => Volatile.Read(ref _queued) == 1;

    public void MarkQueued() => Volatile.Write(ref _queued, 1);

    public bool Finished => Volatile.Read(ref _finished) == 1;

    public bool TryFinish() => Interlocked.Exchange(ref _finished, 1) == 0;

    /// <summary>Completes at once unless a voicemail is being recorded, then when it is stored.</summary>
    public Task WhenVoicemailDone => Volatile.Read(ref _voicemail) == 1 ? _voicemailDone.Task : Task.CompletedTask;

    public void VoicemailStarted() => Volatile.Write(ref _voicemail, 1);

    public void VoicemailStored() => _voicemailDone.TrySetResult();

    public void CallerGone()
    {
        Hold.Cancel();
        _gone.Cancel();
    }

    public void AddAgent(AgentPhoneLeg agent)
    {
        lock (_agents) _agents[agent.AgentNo] = agent;
    }

    public AgentPhoneLeg? Agent(string agentNo)
    {
        lock (_agents) return _agents.GetValueOrDefault(agentNo);
    }

    public AgentPhoneLeg? RemoveAgent(string agentNo)
    {
        lock (_agents) return _agents.Remove(agentNo, out var agent) ? agent : null;
    }

    /// <summary>False when another supervisor is on the call already: the bridge mixes one.</summary>
    public bool TryAttachSupervisor(SupervisorLeg supervisor) => Interlocked.CompareExchange(ref _supervisor, supervisor, null) is null;

    public bool DetachSupervisor(SupervisorLeg supervisor) => Interlocked.CompareExchange(ref _supervisor, null, supervisor) == supervisor;

    public IReadOnlyList<AgentPhoneLeg> AgentLegs()
    {
        lock (_agents) return [.. _agents.Values];
    }

    /// <summary>Stops the bridge, finishes the recording and closes every RTP session of the call.</summary>
    public async Task ReleaseMediaAsync()
    {
        // The supervisor's leg ends with the call; its own end handler releases its session.
        if (Volatile.Read(ref _supervisor) is { } supervisor) await supervisor.Leg.HangupAsync();
        Bridge?.Dispose();
        Recorder?.Complete();
        Recorder?.Dispose();
        await Media.DisposeAsync();
        foreach (var agent in AgentLegs()) await agent.Media.DisposeAsync();
    }
}

/// <summary>The outbound leg to an agent's phone and its RTP session.</summary>
internal sealed record AgentPhoneLeg(string AgentNo, OutgoingCall Leg, RtpSession Media);
