using System.Collections.Concurrent;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>The calls that rang each agent lately, as the switch popped them. The desktop serves a pop's panel only
/// to the agent it rang, and that agent may see and serve the caller's record for as long as the pop is kept, even
/// outside his data scope: a caller who dials the hotline is the answering agent's business. The dialer's calls pop the
/// same way (<see cref="AddDialled"/>): the customer called is the agent's business just as well.</summary>
public sealed class RingingCalls(TimeProvider clock)
{
    /// <summary>Long enough for a long call and its wrap-up; the desktop shows nothing older.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(2);

    /// <param name="Caller">The other party's number: the caller, or the customer the dialer called.</param>
    /// <param name="EntryId">The call list entry a dialer call was placed for; null for an inbound call.</param>
    public sealed record Pop(string CallId, string AgentNo, string Caller, string Queue, DateTimeOffset At, Guid? CustomerId, Guid? EntryId = null)
    {
        public bool Dialled => EntryId is not null;
    }

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Pop>> _byAgent = new(StringComparer.Ordinal);

    public Pop Add(AgentRinging ringing) =>
        Keep(new Pop(ringing.CallId, ringing.AgentNo, ringing.Caller, ringing.Queue, ringing.At, ringing.ScreenPop?.CustomerId));

    /// <summary>A call the dialer placed for the agent (his phone rings first), for the call list named <paramref name="list"/>.</summary>
    public Pop AddDialled(DialRequest request, string list) =>
        Keep(new Pop(request.CallId, request.AgentNo, request.Target.Phone ?? "", list, request.At, request.Target.CustomerId, request.Target.EntryId));

    private Pop Keep(Pop pop)
    {
        var calls = _byAgent.GetOrAdd(pop.AgentNo, _ => new ConcurrentDictionary<string, Pop>(StringComparer.Ordinal));
        calls[pop.CallId] = pop;
        var oldest = clock.GetUtcNow() - Kept;
        foreach (var old in calls.Values.Where(p => p.At < oldest)) calls.TryRemove(old.CallId, out _);
        return pop;
    }

    public Pop? Find(string agentNo, string callId) =>
        _byAgent.TryGetValue(agentNo, out var calls) && calls.TryGetValue(callId, out var pop) && pop.At >= clock.GetUtcNow() - Kept ? pop : null;

    /// <summary>The unknown caller of this call became a customer (quick-create): his panel now shows him.</summary>
    public void Identify(string agentNo, string callId, Guid customerId)
    {
        if (_byAgent.TryGetValue(agentNo, out var calls) && calls.TryGetValue(callId, out var pop))
            calls[callId] = pop with { CustomerId = customerId };
    }

    /// <summary>Whether <paramref name="customerId"/> called this agent within <see cref="Kept"/>.</summary>
    public bool IsCallerOf(string agentNo, Guid customerId) =>
        _byAgent.TryGetValue(agentNo, out var calls) && calls.Values.Any(p => p.CustomerId == customerId && p.At >= clock.GetUtcNow() - Kept);
}
