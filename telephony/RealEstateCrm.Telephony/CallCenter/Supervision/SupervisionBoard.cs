namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Who is listening to or whispering on which live call. The media side mixes audio from it: a listener
/// hears both legs; a whisperer is heard by the agent only; a barger by both.</summary>
public sealed class SupervisionBoard(SupervisionPolicy policy, TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly List<SupervisionSession> _sessions = [];

    /// <summary>Starts (or changes the mode of) this supervisor's session on the call; refused with the reason when the policy does not allow it.</summary>
    public SupervisionSession Join(Supervisor who, string callId, string agentNo, string? agentDepartment, SupervisionMode mode)
    {
        if (policy.Refusal(who, mode, agentDepartment) is { } refusal) throw new UnauthorizedAccessException(refusal);
        lock (_gate)
        {
            _sessions.RemoveAll(s => s.CallId == callId && s.Supervisor == who.UserName);
            var session = new SupervisionSession(callId, agentNo, who.UserName, mode, clock.GetUtcNow());
            _sessions.Add(session);
            return session;
        }
    }

    public void Leave(string supervisorUserName, string callId)
    {
        lock (_gate) _sessions.RemoveAll(s => s.CallId == callId && s.Supervisor == supervisorUserName);
    }

    /// <summary>The call ended: every supervision of it ends too.</summary>
    public IReadOnlyList<SupervisionSession> CallEnded(string callId)
    {
        lock (_gate)
        {
            var ended = _sessions.Where(s => s.CallId == callId).ToList();
            _sessions.RemoveAll(s => s.CallId == callId);
            return ended;
        }
    }

    public IReadOnlyList<SupervisionSession> On(string callId)
    {
        lock (_gate) return [.. _sessions.Where(s => s.CallId == callId)];
    }

    public IReadOnlyList<SupervisionSession> By(string supervisorUserName)
    {
        lock (_gate) return [.. _sessions.Where(s => s.Supervisor == supervisorUserName)];
    }
}

public sealed record SupervisionSession(string CallId, string AgentNo, string Supervisor, SupervisionMode Mode, DateTimeOffset Since)
{
    public bool AgentHearsSupervisor => Mode is SupervisionMode.Whisper or SupervisionMode.Barge;
    public bool CallerHearsSupervisor => Mode == SupervisionMode.Barge;
}
