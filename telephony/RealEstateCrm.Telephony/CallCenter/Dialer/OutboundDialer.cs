namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Works one call list (外呼). Preview: an agent sees the next customer and chooses to dial or skip.
/// Progressive: one call per idle agent, dialled for them, never more calls than idle agents (no abandoned
/// answered calls, unlike predictive dialling). Do-not-call customers and entries without a number are never dialled.
/// Outcomes go back to the list, and each call's CDR to the sink.</summary>
public sealed class OutboundDialer(Guid listId, DialerMode mode, string callerNumber, IOutboundCallList list, ICdrSink cdrs, TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Queue<DialTarget> _pending = new();
    private readonly List<DialTarget> _skipped = [];
    private readonly Dictionary<string, DialTarget> _previews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DialRequest> _active = new(StringComparer.Ordinal);
    // Call ids stay unique across dialers of one list and across restarts (CDRs and dialer calls are keyed by them).
    private readonly string _callIdPrefix = $"dial-{listId:N}-{Guid.NewGuid().ToString("N")[..8]}";
    private int _calls;

    public DialerMode Mode => mode;
    public Guid ListId => listId;
    /// <summary>The number customers see calling.</summary>
    public string CallerNumber => callerNumber;

    /// <summary>Entries left off: do-not-call, no number, or skipped by an agent in preview.</summary>
    public IReadOnlyList<DialTarget> Skipped { get { lock (_gate) return [.. _skipped]; } }

    public int Remaining { get { lock (_gate) return _pending.Count; } }

    /// <summary>Agents on one of this dialer's calls, or owing the disposition of one.</summary>
    public IReadOnlySet<string> AgentsOnCalls { get { lock (_gate) return _active.Values.Select(r => r.AgentNo).ToHashSet(StringComparer.Ordinal); } }

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var targets = await list.PendingAsync(listId, ct);
        lock (_gate)
        {
            _pending.Clear();
            foreach (var target in targets.OrderBy(t => t.Rank))
                if (target.DoNotCall || string.IsNullOrWhiteSpace(target.Phone)) _skipped.Add(target);
                else _pending.Enqueue(target);
        }
    }

    /// <summary>Preview mode: the next customer for this agent to look at (the same one until dialled or skipped).</summary>
    public DialTarget? Preview(string agentNo)
    {
        RequireMode(DialerMode.Preview);
        lock (_gate)
        {
            if (_previews.TryGetValue(agentNo, out var shown)) return shown;
            if (!_pending.TryDequeue(out var next)) return null;
            return _previews[agentNo] = next;
        }
    }

    /// <summary>Preview mode: the agent passes on the customer shown; it is not dialled in this run.</summary>
    public void Skip(string agentNo)
    {
        RequireMode(DialerMode.Preview);
        lock (_gate) _skipped.Add(Previewed(agentNo));
    }

    /// <summary>Preview mode: the agent dials the customer shown.</summary>
    public DialRequest Dial(string agentNo)
    {
        RequireMode(DialerMode.Preview);
        lock (_gate) return Start(agentNo, Previewed(agentNo));
    }

    /// <summary>Progressive mode: a call for each idle agent who is not already on one of this dialer's calls.</summary>
    public IReadOnlyList<DialRequest> Pace(IEnumerable<string> idleAgentNos)
    {
        RequireMode(DialerMode.Progressive);
        lock (_gate)
        {
            var busy = _active.Values.Select(r => r.AgentNo).ToHashSet(StringComparer.Ordinal);
            var requests = new List<DialRequest>();
            foreach (var agentNo in idleAgentNos.Where(a => !busy.Contains(a)).Distinct(StringComparer.Ordinal))
            {
                if (!_pending.TryDequeue(out var target)) break;
                requests.Add(Start(agentNo, target));
            }
            return requests;
        }
    }

    /// <summary>Takes back a call that was never placed (it could not be noted down first): its customer goes back to the
    /// end of the queue and nothing is written.</summary>
    public void Withdraw(string callId)
    {
        lock (_gate)
            if (_active.Remove(callId, out var request)) _pending.Enqueue(request.Target);
    }

    /// <summary>How the call went. An answered call needs the agent's disposition; no answer and busy are written
    /// as such; a failed call (network, bad number format) writes nothing back so a later run tries again.
    /// <paramref name="endedAt"/> is when the call ended on the wire (default: now) and <paramref name="recordingFile"/>
    /// its recording, both for the CDR.</summary>
    public async Task CompleteAsync(string callId, DialResult result, DateTimeOffset? answeredAt = null, DialDisposition? disposition = null,
        string? notes = null, DateTimeOffset? callBackAt = null, CancellationToken ct = default, DateTimeOffset? endedAt = null, string? recordingFile = null)
    {
        if (result == DialResult.Answered && (answeredAt is null || disposition is null))
            throw new ArgumentException("an answered call needs its answer time and the agent's disposition", nameof(disposition));
        if (result != DialResult.Answered && answeredAt is not null)
            throw new ArgumentException("only an answered call has an answer time", nameof(answeredAt));
        DialRequest request;
        lock (_gate)
            if (!_active.Remove(callId, out request!)) throw new ArgumentException($"no dialer call {callId} in progress", nameof(callId));
        var written = result switch
        {
            DialResult.Answered => disposition,
            DialResult.NoAnswer => DialDisposition.NoAnswer,
            DialResult.Busy => DialDisposition.Busy,
            _ => (DialDisposition?)null,
        };
        await cdrs.WriteAsync(new CallDetail(callId, null, CallLegDirection.Outbound, callerNumber, request.Target.Phone!,
            result switch { DialResult.Answered => CallDisposition.Answered, DialResult.NoAnswer => CallDisposition.NoAnswer, DialResult.Busy => CallDisposition.Busy, _ => CallDisposition.Failed },
            request.At, endedAt ?? clock.GetUtcNow(), AnsweredAt: answeredAt, AgentNo: request.AgentNo, RecordingFile: recordingFile, CallListEntryId: request.Target.EntryId), ct);
        if (written is { } d) await list.RecordDispositionAsync(request.Target.EntryId, d, notes, callBackAt, ct);
    }

    private DialRequest Start(string agentNo, DialTarget target)
    {
        if (_active.Values.Any(r => r.AgentNo == agentNo)) throw new InvalidOperationException($"agent {agentNo} is already on a dialer call");
        _previews.Remove(agentNo);
        var request = new DialRequest($"{_callIdPrefix}-{++_calls}", agentNo, target, clock.GetUtcNow());
        _active[request.CallId] = request;
        return request;
    }

    private DialTarget Previewed(string agentNo) =>
        _previews.Remove(agentNo, out var target) ? target : throw new InvalidOperationException($"agent {agentNo} has no customer in preview");

    private void RequireMode(DialerMode needed)
    {
        if (mode != needed) throw new InvalidOperationException($"this dialer runs in {mode} mode, not {needed}");
    }
}

public enum DialerMode { Preview, Progressive }

public enum DialResult { Answered, NoAnswer, Busy, Failed }

/// <summary>Place this call for this agent: the switch rings the agent's phone and the customer's number.</summary>
public sealed record DialRequest(string CallId, string AgentNo, DialTarget Target, DateTimeOffset At);
