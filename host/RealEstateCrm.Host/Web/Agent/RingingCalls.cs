using System.Collections.Concurrent;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>The calls that rang each agent lately, as the switch popped them. The desktop serves a pop's panel only
/// to the agent it rang, and that agent may see and serve the caller's record for as long as the pop is kept, even
/// outside his data scope: a caller who dials the hotline is the answering agent's business.</summary>
public sealed class RingingCalls(TimeProvider clock)
{
    /// <summary>Long enough for a long call and its wrap-up; the desktop shows nothing older.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(2);

    public sealed record Pop(string CallId, string AgentNo, string Caller, string Queue, DateTimeOffset At, Guid? CustomerId);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Pop>> _byAgent = new(StringComparer.Ordinal);

    public Pop Add(AgentRinging ringing)
    {
        var pop = new Pop(ringing.CallId, ringing.AgentNo, ringing.Caller, ringing.Queue, ringing.At, ringing.ScreenPop?.CustomerId);
        var calls = _byAgent.GetOrAdd(ringing.AgentNo, _ => new ConcurrentDictionary<string, Pop>(StringComparer.Ordinal));
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
