using System.Threading.Channels;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The ACD: queues calls, rings agents by each queue's skill and strategy, keeps returning callers with
/// the agent who served them last, puts at-risk callers first, sends calls that waited too long to voicemail,
/// records abandons, drives agent wrap-up, and writes every call's CDRs when it ends. All timers run on the
/// <see cref="TimeProvider"/>; what the switch and screens must do comes out on <see cref="Events"/>.</summary>
public sealed class CallDistributor : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AcdQueueSettings> _queues;
    private readonly Dictionary<string, AgentSeat> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AcdCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string AgentNo, DateTimeOffset At)> _lastAgent = new(StringComparer.Ordinal);
    private readonly List<QueueCallOutcome> _outcomes = [];
    private readonly HashSet<(string Queue, QueueMetric Metric)> _activeAlarms = [];
    private readonly Channel<AcdEvent> _events = Channel.CreateUnbounded<AcdEvent>();
    // Bounded: a process where nothing reacts to agents' states (a switch without a dialer) must not keep them all.
    private readonly Channel<AgentStateChange> _stateChanges = Channel.CreateBounded<AgentStateChange>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CallDistributorPorts _ports;
    private readonly TimeProvider _clock;
    private readonly ITimer _alarmTimer;
    private long _order;

    public CallDistributor(IEnumerable<AcdQueueSettings> queues, CallDistributorPorts ports, TimeProvider clock)
    {
        _queues = queues.ToDictionary(q => q.Name, StringComparer.Ordinal);
        _ports = ports;
        _clock = clock;
        // Longest wait grows with no event at all; look once a second.
        _alarmTimer = clock.CreateTimer(_ => { lock (_gate) CheckAlarms(); }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public ChannelReader<AcdEvent> Events => _events.Reader;

    /// <summary>Every agent state change as it happens (also on <see cref="Events"/>, which the switch reads), for the one
    /// part that reacts to them: the outbound dialer's pacing gives an agent who became idle his next call at once. When
    /// nobody reads, the oldest are dropped.</summary>
    public ChannelReader<AgentStateChange> StateChanges => _stateChanges.Reader;

    public IReadOnlyCollection<AcdQueueSettings> Queues => _queues.Values;

    public AgentSeat Login(AgentProfile profile, string seat) => Locked(() =>
    {
        if (!_agents.TryGetValue(profile.AgentNo, out var agent)) _agents[profile.AgentNo] = agent = new AgentSeat(profile, _clock);
        agent.Login(seat, profile);
        return agent;
    });

    public void Logout(string agentNo) => Locked(() => Agent(agentNo).Logout());

    public void Pause(string agentNo, string reason) => Locked(() => Agent(agentNo).Pause(reason));

    public void Resume(string agentNo) => Locked(() => Agent(agentNo).Resume());

    /// <summary>Idle agents with this skill, for the outbound dialer's pacing.</summary>
    public IReadOnlyList<string> IdleAgents(string skill, int minLevel = 1)
    {
        lock (_gate)
            return [.. _agents.Values.Where(a => a.State == AgentState.Idle && a.SkillLevel(skill) >= minLevel).Select(a => a.AgentNo).Order(StringComparer.Ordinal)];
    }

    /// <summary>The dialer placed an outbound call for this idle agent: busy, so the ACD offers them nothing meanwhile.</summary>
    public void StartOutbound(string agentNo, string callId) => Locked(() => Agent(agentNo).StartOutbound(callId));

    /// <summary>The outbound call ended: the agent wraps up for <paramref name="wrapUp"/>, then is idle again.</summary>
    public void EndOutbound(string agentNo, TimeSpan wrapUp) => Locked(() =>
    {
        var agent = Agent(agentNo);
        if (_calls.Values.FirstOrDefault(c => c.AnsweredBy == agent) is { } inbound)
            throw new InvalidOperationException($"agent {agentNo} is on inbound call {inbound.CallId}, not an outbound one");
        StartWrapUp(agent, agent.CallId ?? throw new InvalidOperationException($"agent {agentNo} is not on a call"), wrapUp);
    });

    /// <summary>The agent says they are ready before their wrap-up time is over.</summary>
    public void FinishWrapUp(string agentNo) => Locked(() => Agent(agentNo).FinishWrapUp());

    /// <summary>Whether the agent has logged in since the distributor started.</summary>
    public bool IsKnown(string agentNo)
    {
        lock (_gate) return _agents.ContainsKey(agentNo);
    }

    public AgentSeat Agent(string agentNo)
    {
        lock (_gate)
            return _agents.TryGetValue(agentNo, out var agent) ? agent : throw new ArgumentException($"agent {agentNo} has never logged in", nameof(agentNo));
    }

    public IReadOnlyList<QueuedCall> Waiting(string queue)
    {
        lock (_gate)
            return [.. _calls.Values.Where(c => c.Queue.Name == queue && c.State is AcdCallState.Waiting or AcdCallState.Ringing).OrderBy(c => c.Order).Select(c => c.Snapshot())];
    }

    /// <summary>Puts a call in its queue: looks up the caller (screen pop), the at-risk flag and the agent who
    /// served them last, then rings an agent if one is free.</summary>
    public async Task<QueuedCall> EnqueueAsync(InboundCall call, CancellationToken ct = default)
    {
        var queue = _queues.GetValueOrDefault(call.Queue) ?? throw new ArgumentException($"unknown queue \"{call.Queue}\" (queues: {string.Join(", ", _queues.Keys)})", nameof(call));
        var now = _clock.GetUtcNow();
        var customer = await _ports.Callers.FindAsync(call.Caller, ct);
        var atRisk = await _ports.AtRisk.IsAtRiskAsync(call.Caller, ct);
        string? sticky = null;
        if (queue.StickyWait > TimeSpan.Zero)
        {
            lock (_gate)
                if (_lastAgent.TryGetValue(call.Caller, out var last) && last.At >= now - queue.StickyMemory) sticky = last.AgentNo;
            sticky ??= await _ports.LastAgents.LastAgentAsync(call.Caller, now - queue.StickyMemory, ct);
        }

        return Locked(() =>
        {
            if (_calls.ContainsKey(call.CallId)) throw new InvalidOperationException($"call {call.CallId} is already queued");
            var held = new AcdCall(call, queue, now, ++_order, atRisk, customer) { StickyAgentNo = sticky, StickyUntil = now + queue.StickyWait };
            _calls[call.CallId] = held;
            held.MaxWaitTimer = _clock.CreateTimer(_ => Locked(() => MaxWaitReached(held)), null, queue.MaxWait, Timeout.InfiniteTimeSpan);
            // Locked routes on the way out: when the sticky wait ends, the call is offered to anyone.
            if (sticky is not null) held.StickyTimer = _clock.CreateTimer(_ => Locked(() => { }), null, queue.StickyWait, Timeout.InfiniteTimeSpan);
            return held.Snapshot();
        });
    }

    /// <summary>The agent picked up: the other phones stop ringing and the caller is bridged to this agent.</summary>
    public void Answer(string agentNo, string callId) => Locked(() =>
    {
        var call = Call(callId);
        var agent = call.State == AcdCallState.Ringing ? call.Ringing.FirstOrDefault(a => a.AgentNo == agentNo) : null;
        if (agent is null) throw new InvalidOperationException($"call {callId} is not ringing agent {agentNo}");
        var now = _clock.GetUtcNow();
        call.RingTimer?.Dispose();
        call.MaxWaitTimer?.Dispose();
        call.StickyTimer?.Dispose();
        foreach (var other in call.Ringing.Where(a => a != agent)) StopRinging(call, other, $"answered by {agentNo}");
        call.Ringing.Clear();
        agent.Answer();
        call.Legs.Last(l => l.Agent == agent).AnsweredAt = now;
        call.State = AcdCallState.Talking;
        call.AnsweredBy = agent;
        call.AnsweredAt = now;
        _lastAgent[call.Call.Caller] = (agentNo, now);
        _outcomes.Add(new QueueCallOutcome(call.Queue.Name, callId, call.EnqueuedAt, now, QueueExit.Answered, agentNo));
        Publish(new CallConnected(now, callId, agentNo));
    });

    /// <summary>The agent declined the ringing call: it goes on to the next agent at once.</summary>
    public void Decline(string agentNo, string callId) => Locked(() =>
    {
        var call = Call(callId);
        var agent = call.State == AcdCallState.Ringing ? call.Ringing.FirstOrDefault(a => a.AgentNo == agentNo) : null;
        if (agent is null) throw new InvalidOperationException($"call {callId} is not ringing agent {agentNo}");
        Missed(call, agent, "declined");
        if (call.Ringing.Count == 0) BackToQueue(call);
    });

    /// <summary>The name of the recording of the bridged call (or of the voicemail), for the CDR.</summary>
    public void AttachRecording(string callId, string file) => Locked(() => Call(callId).RecordingFile = file);

    /// <summary>The caller hung up: an abandon if no agent had answered, otherwise the end of the call. Writes the CDRs.</summary>
    public Task CallerHungUpAsync(string callId, CancellationToken ct = default) => EndAsync(callId, byAgent: false, null, ct);

    /// <summary>The caller hung up at <paramref name="endedAt"/> (when their BYE or CANCEL arrived, not when this is
    /// called): the CDR's end time and the talk or wait are the caller's, whatever ran in between.</summary>
    public Task CallerHungUpAsync(string callId, DateTimeOffset endedAt, CancellationToken ct = default) => EndAsync(callId, byAgent: false, endedAt, ct);

    /// <summary>The agent hung up a bridged call. Writes the CDRs.</summary>
    public Task AgentHungUpAsync(string callId, CancellationToken ct = default) => EndAsync(callId, byAgent: true, null, ct);

    public QueueStatistics Statistics(string queue)
    {
        lock (_gate)
        {
            var settings = _queues.GetValueOrDefault(queue) ?? throw new ArgumentException($"unknown queue \"{queue}\"", nameof(queue));
            return StatisticsOf(settings);
        }
    }

    private async Task EndAsync(string callId, bool byAgent, DateTimeOffset? endedAt, CancellationToken ct)
    {
        var details = Locked(() =>
        {
            var call = Call(callId);
            if (byAgent && call.State != AcdCallState.Talking) throw new InvalidOperationException($"call {callId} has no agent on it to hang up");
            // A hang-up that arrived while the call was being queued ends it no earlier than it was enqueued.
            var now = endedAt is { } at ? (at > call.EnqueuedAt ? at : call.EnqueuedAt) : _clock.GetUtcNow();
            call.CancelTimers();
            var disposition = call.State switch
            {
                AcdCallState.Talking => CallDisposition.Answered,
                AcdCallState.Voicemail => CallDisposition.Voicemail,
                _ => CallDisposition.Abandoned,
            };
            if (disposition == CallDisposition.Abandoned)
            {
                foreach (var agent in call.Ringing) StopRinging(call, agent, "caller hung up");
                _outcomes.Add(new QueueCallOutcome(call.Queue.Name, callId, call.EnqueuedAt, now, QueueExit.Abandoned, EndedAt: now));
                Publish(new CallAbandoned(now, callId, call.Queue.Name, now - call.EnqueuedAt));
            }
            else if (disposition == CallDisposition.Answered)
            {
                call.Legs.Last(l => l.Agent == call.AnsweredBy).EndedAt = now;
                StartWrapUp(call.AnsweredBy!, callId, call.Queue.WrapUp);
                // Gone when the call outlived the statistics window and was pruned.
                var i = _outcomes.FindLastIndex(o => o.CallId == callId);
                if (i >= 0) _outcomes[i] = _outcomes[i] with { EndedAt = now };
            }
            _calls.Remove(callId);
            return CallDetails(call, disposition, now);
        });
        // Outside the lock: the sink is the database. The caller's leg goes first so agent legs can point at it.
        foreach (var detail in details) await _ports.Cdrs.WriteAsync(detail, ct);
    }

    private static List<CallDetail> CallDetails(AcdCall call, CallDisposition disposition, DateTimeOffset now)
    {
        var c = call.Call;
        var details = new List<CallDetail>
        {
            new(c.CallId, null, CallLegDirection.Inbound, c.Caller, c.Callee, disposition, c.StartedAt, now, call.EnqueuedAt, call.AnsweredAt,
                call.Queue.Name, call.AnsweredBy?.AgentNo, c.IvrPath, call.RecordingFile),
        };
        details.AddRange(call.Legs.Select((leg, i) => new CallDetail(
            $"{c.CallId}/{i + 1}", c.CallId, CallLegDirection.Internal, c.Caller, leg.Agent.Profile.Extension,
            leg.AnsweredAt is null ? CallDisposition.NoAnswer : CallDisposition.Answered, leg.StartedAt, leg.EndedAt ?? now,
            AnsweredAt: leg.AnsweredAt, Queue: call.Queue.Name, AgentNo: leg.Agent.AgentNo,
            RecordingFile: leg.AnsweredAt is null ? null : call.RecordingFile)));
        return details;
    }

    private void Dispatch()
    {
        var now = _clock.GetUtcNow();
        var idle = _agents.Values.Where(a => a.State == AgentState.Idle).ToHashSet();
        var waiting = _calls.Values.Where(c => c.State == AcdCallState.Waiting).OrderByDescending(c => c.AtRisk).ThenBy(c => c.Order).ToList();
        foreach (var call in waiting)
        {
            if (idle.Count == 0) break;
            var queue = call.Queue;
            if (call.StickyAgentNo is { } sticky && now < call.StickyUntil)
            {
                if (_agents.TryGetValue(sticky, out var last) && last.State != AgentState.LoggedOut && last.SkillLevel(queue.Skill) >= queue.MinSkillLevel)
                {
                    if (idle.Remove(last)) Ring(call, [last]);
                    continue;
                }
                call.StickyAgentNo = null;
            }
            var eligible = idle.Where(a => a.SkillLevel(queue.Skill) >= queue.MinSkillLevel).ToList();
            if (eligible.Count == 0) continue;
            var untried = eligible.Where(a => !call.Tried.Contains(a.AgentNo)).ToList();
            if (untried.Count == 0)
            {
                // Everyone free has missed this call once: start another round rather than leave it waiting.
                call.Tried.Clear();
                untried = eligible;
            }
            var picked = RoutingStrategies.Pick(queue.Strategy, untried, queue.Skill);
            idle.ExceptWith(picked);
            Ring(call, picked);
        }
    }

    private void Ring(AcdCall call, IReadOnlyList<AgentSeat> agents)
    {
        var now = _clock.GetUtcNow();
        call.State = AcdCallState.Ringing;
        var round = ++call.RingRound;
        foreach (var agent in agents)
        {
            agent.Ring(call.CallId);
            call.Ringing.Add(agent);
            call.Legs.Add(new AgentLeg(agent, now));
            Publish(new AgentRinging(now, call.CallId, agent.AgentNo, agent.Profile.Extension, call.Call.Caller, call.Queue.Name, call.Customer));
        }
        call.RingTimer?.Dispose();
        call.RingTimer = _clock.CreateTimer(_ => Locked(() =>
        {
            if (call.State != AcdCallState.Ringing || call.RingRound != round || !_calls.ContainsKey(call.CallId)) return;
            foreach (var agent in call.Ringing.ToList()) Missed(call, agent, "no answer");
            BackToQueue(call);
        }), null, call.Queue.RingTimeout, Timeout.InfiniteTimeSpan);
    }

    private void Missed(AcdCall call, AgentSeat agent, string reason)
    {
        StopRinging(call, agent, reason);
        call.Ringing.Remove(agent);
        call.Tried.Add(agent.AgentNo);
        // The agent they wanted did not take it: fall back to anyone now.
        if (agent.AgentNo == call.StickyAgentNo) call.StickyAgentNo = null;
    }

    private void BackToQueue(AcdCall call)
    {
        call.RingTimer?.Dispose();
        call.State = AcdCallState.Waiting;
    }

    private void StopRinging(AcdCall call, AgentSeat agent, string reason)
    {
        var now = _clock.GetUtcNow();
        agent.StopRinging(reason);
        call.Legs.Last(l => l.Agent == agent).EndedAt = now;
        Publish(new AgentRingingStopped(now, call.CallId, agent.AgentNo, reason));
    }

    private void MaxWaitReached(AcdCall call)
    {
        if (call.State is not (AcdCallState.Waiting or AcdCallState.Ringing) || !_calls.ContainsKey(call.CallId)) return;
        var now = _clock.GetUtcNow();
        call.RingTimer?.Dispose();
        foreach (var agent in call.Ringing) StopRinging(call, agent, "caller sent to voicemail");
        call.Ringing.Clear();
        call.State = AcdCallState.Voicemail;
        _outcomes.Add(new QueueCallOutcome(call.Queue.Name, call.CallId, call.EnqueuedAt, now, QueueExit.Voicemail, EndedAt: now));
        Publish(new CallSentToVoicemail(now, call.CallId, call.Queue.Name));
    }

    private void StartWrapUp(AgentSeat agent, string callId, TimeSpan wrapUp)
    {
        agent.EndCall();
        if (wrapUp <= TimeSpan.Zero)
        {
            agent.FinishWrapUp();
            return;
        }
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ => Locked(() =>
        {
            timer?.Dispose();
            if (agent.State == AgentState.WrapUp && agent.CallId == callId) agent.FinishWrapUp();
        }), null, wrapUp, Timeout.InfiniteTimeSpan);
    }

    private AcdCall Call(string callId) =>
        _calls.TryGetValue(callId, out var call) ? call : throw new ArgumentException($"no call {callId} in any queue", nameof(callId));

    private QueueStatistics StatisticsOf(AcdQueueSettings queue) => QueueStatistics.Compute(
        queue, _outcomes,
        _calls.Values.Where(c => c.Queue == queue && c.State is AcdCallState.Waiting or AcdCallState.Ringing).Select(c => c.EnqueuedAt),
        _agents.Values.Where(a => a.SkillLevel(queue.Skill) >= queue.MinSkillLevel).Select(a => a.History),
        _clock.GetUtcNow());

    private void CheckAlarms()
    {
        var now = _clock.GetUtcNow();
        PruneOutcomes(now);
        foreach (var queue in _queues.Values)
        {
            var limits = queue.Alarms;
            if (limits == new QueueAlarmThresholds()) continue;
            var stats = StatisticsOf(queue);
            Watch(queue.Name, QueueMetric.CallsWaiting, stats.CallsWaiting, limits.MaxWaiting, above: true);
            Watch(queue.Name, QueueMetric.LongestWaitSeconds, stats.LongestWait.TotalSeconds, limits.MaxLongestWait?.TotalSeconds, above: true);
            Watch(queue.Name, QueueMetric.ServiceLevel, stats.ServiceLevel, limits.MinServiceLevel, above: false);
            Watch(queue.Name, QueueMetric.AbandonRate, stats.AbandonRate, limits.MaxAbandonRate, above: true);
        }

        void Watch(string queue, QueueMetric metric, double? value, double? limit, bool above)
        {
            if (limit is null || value is null) return;
            var breached = above ? value > limit : value < limit;
            if (breached && _activeAlarms.Add((queue, metric))) Publish(new QueueAlarmRaised(now, queue, metric, value.Value, limit.Value));
            else if (!breached && _activeAlarms.Remove((queue, metric))) Publish(new QueueAlarmCleared(now, queue, metric, value.Value, limit.Value));
        }
    }

    /// <summary>Outcomes are appended as calls leave the queue, so the ones no window reaches any more are a prefix.</summary>
    private void PruneOutcomes(DateTimeOffset now)
    {
        var horizon = now - _queues.Values.Max(q => q.StatisticsWindow);
        var old = 0;
        while (old < _outcomes.Count && _outcomes[old].LeftQueueAt < horizon) old++;
        if (old > 0) _outcomes.RemoveRange(0, old);
    }

    private void Publish(AcdEvent e) => _events.Writer.TryWrite(e);

    /// <summary>Runs a change under the lock, then routes what can be routed, publishes the agents' new states and checks the alarms.</summary>
    private T Locked<T>(Func<T> change)
    {
        lock (_gate)
        {
            try { return change(); }
            finally
            {
                Dispatch();
                PublishAgentChanges();
                CheckAlarms();
            }
        }
    }

    private void Locked(Action change) => Locked(() => { change(); return 0; });

    private void PublishAgentChanges()
    {
        foreach (var agent in _agents.Values)
        {
            var seen = _published.GetValueOrDefault(agent.AgentNo);
            foreach (var change in agent.History.Skip(seen))
            {
                Publish(new AgentStateChanged(change.At, change));
                _stateChanges.Writer.TryWrite(change);
            }
            _published[agent.AgentNo] = agent.History.Count;
        }
    }

    public void Dispose()
    {
        _alarmTimer.Dispose();
        lock (_gate)
            foreach (var call in _calls.Values) call.CancelTimers();
        _events.Writer.TryComplete();
        _stateChanges.Writer.TryComplete();
    }
}
