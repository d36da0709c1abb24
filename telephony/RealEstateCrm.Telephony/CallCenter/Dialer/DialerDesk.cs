using System.Collections.Concurrent;
using System.Threading.Channels;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Runs an <see cref="OutboundDialer"/>'s calls on the switch. Progressive: <see cref="PaceAsync"/> places a call
/// for each idle agent with the skill (never more calls than idle agents: the dialer gives an agent one call at a time,
/// and the seat is busy while it lasts). Preview: the agent confirms the customer shown with <see cref="Dial"/>.
/// Unanswered calls are written back at once; an answered one when the agent gives the disposition (the agent gets no
/// next call before).</summary>
public sealed class DialerDesk(CallCenterSwitch callCenter, OutboundDialer dialer, string skill = "outbound")
{
    private readonly ConcurrentDictionary<string, (DialRequest Request, DialOutcome Outcome)> _awaitingDisposition = new(StringComparer.Ordinal);
    private readonly Channel<(DialRequest Request, DialOutcome Outcome)> _ended = Channel.CreateUnbounded<(DialRequest, DialOutcome)>();

    public OutboundDialer Dialer => dialer;

    /// <summary>Each call once it has ended on the wire (answered calls before their disposition is written).</summary>
    public ChannelReader<(DialRequest Request, DialOutcome Outcome)> Ended => _ended.Reader;

    /// <summary>Progressive mode: places a call for each idle agent with the skill who has none of this dialer's.</summary>
    public IReadOnlyList<DialRequest> Pace()
    {
        var requests = dialer.Pace(callCenter.Distributor.IdleAgents(skill));
        foreach (var request in requests) _ = RunAsync(request);
        return requests;
    }

    /// <summary>Progressive mode for a caller that keeps its own books: a call for each of <paramref name="idleAgents"/>
    /// who has none of this dialer's, placed only once <paramref name="beforeDialling"/> has noted the calls down. If it
    /// fails, no call is placed and the customers go back to the queue.</summary>
    public async Task<IReadOnlyList<DialRequest>> PaceAsync(IEnumerable<string> idleAgents, Func<IReadOnlyList<DialRequest>, CancellationToken, Task> beforeDialling, CancellationToken ct = default)
    {
        var requests = dialer.Pace(idleAgents);
        if (requests.Count == 0) return requests;
        try
        {
            await beforeDialling(requests, ct);
        }
        catch
        {
            foreach (var request in requests) dialer.Withdraw(request.CallId);
            throw;
        }
        foreach (var request in requests) _ = RunAsync(request);
        return requests;
    }

    /// <summary>The answered calls of this desk whose disposition <paramref name="agentNo"/> still owes.</summary>
    public IReadOnlyList<DialRequest> AwaitingDisposition(string agentNo) =>
        [.. _awaitingDisposition.Values.Where(a => a.Request.AgentNo == agentNo).Select(a => a.Request).OrderBy(r => r.At)];

    /// <summary>Preview mode: dials the customer the agent was shown, if it is still <paramref name="entryId"/>.</summary>
    /// <exception cref="InvalidOperationException">The agent was shown another entry, or none.</exception>
    public DialRequest Dial(string agentNo, Guid entryId)
    {
        var shown = dialer.Preview(agentNo);
        if (shown?.EntryId != entryId)
            throw new InvalidOperationException(shown is null ? "the call list has no entry left to dial" : $"entry {entryId} is not the one shown to agent {agentNo}");
        var request = dialer.Dial(agentNo);
        _ = RunAsync(request);
        return request;
    }

    /// <summary>Whether this desk placed the call and it waits for the agent's disposition.</summary>
    public bool AwaitsDisposition(string callId) => _awaitingDisposition.ContainsKey(callId);

    /// <summary>The agent's disposition of an answered call: the CDR and the entry's outcome are written now.</summary>
    public async Task DispositionAsync(string callId, DialDisposition disposition, string? notes = null, DateTimeOffset? callBackAt = null, CancellationToken ct = default)
    {
        if (!_awaitingDisposition.TryRemove(callId, out var awaiting)) throw new ArgumentException($"no answered dialer call {callId} awaits a disposition", nameof(callId));
        var outcome = awaiting.Outcome;
        await dialer.CompleteAsync(callId, DialResult.Answered, outcome.AnsweredAt, disposition, notes, callBackAt, ct, outcome.EndedAt, outcome.RecordingFile);
    }

    private async Task RunAsync(DialRequest request)
    {
        DialOutcome outcome;
        try
        {
            outcome = await callCenter.DialAsync(request, dialer.CallerNumber);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The agent was no longer idle, or no trunk: nothing is written back, so a later run tries again.
            outcome = DialOutcome.Unanswered(DialResult.Failed, callCenter.Time.GetUtcNow());
        }
        if (outcome.Result == DialResult.Answered) _awaitingDisposition[request.CallId] = (request, outcome);
        else await dialer.CompleteAsync(request.CallId, outcome.Result, endedAt: outcome.EndedAt);
        _ended.Writer.TryWrite((request, outcome));
    }
}
