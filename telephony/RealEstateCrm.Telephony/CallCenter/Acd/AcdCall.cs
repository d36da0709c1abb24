namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>A call while the distributor holds it, from enqueue to hang-up. Mutated only under the distributor's lock.</summary>
internal sealed class AcdCall(InboundCall call, AcdQueueSettings queue, DateTimeOffset enqueuedAt, long order, bool atRisk, CallerRecord? customer)
{
    public InboundCall Call { get; } = call;
    public AcdQueueSettings Queue { get; } = queue;
    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;
    public long Order { get; } = order;
    public bool AtRisk { get; } = atRisk;
    public CallerRecord? Customer { get; } = customer;
    public AcdCallState State { get; set; } = AcdCallState.Waiting;
    public string? StickyAgentNo { get; set; }
    public DateTimeOffset StickyUntil { get; set; }
    public List<AgentSeat> Ringing { get; } = [];
    public HashSet<string> Tried { get; } = [];
    public List<AgentLeg> Legs { get; } = [];
    public AgentSeat? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? RecordingFile { get; set; }
    public int RingRound { get; set; }
    public ITimer? RingTimer { get; set; }
    public ITimer? MaxWaitTimer { get; set; }
    public ITimer? StickyTimer { get; set; }

    public string CallId => Call.CallId;

    public QueuedCall Snapshot() => new(CallId, Call.Caller, Queue.Name, EnqueuedAt, AtRisk, StickyAgentNo, Customer);

    public void CancelTimers()
    {
        RingTimer?.Dispose();
        MaxWaitTimer?.Dispose();
        StickyTimer?.Dispose();
    }
}

internal enum AcdCallState { Waiting, Ringing, Talking, Voicemail }

/// <summary>One ring of one agent for a call: becomes an agent leg's CDR.</summary>
internal sealed class AgentLeg(AgentSeat agent, DateTimeOffset startedAt)
{
    public AgentSeat Agent { get; } = agent;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
