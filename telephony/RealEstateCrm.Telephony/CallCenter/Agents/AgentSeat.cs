namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>An agent logged in at a seat, with the state machine of their availability and its timestamped
/// history. Not thread-safe: the <see cref="CallDistributor"/> that owns it serialises access.</summary>
public sealed class AgentSeat
{
    private readonly List<AgentStateChange> _history = [];
    private readonly TimeProvider _clock;

    public AgentSeat(AgentProfile profile, TimeProvider clock)
    {
        Profile = profile;
        _clock = clock;
    }

    public AgentProfile Profile { get; private set; }
    public string AgentNo => Profile.AgentNo;
    public AgentState State { get; private set; } = AgentState.LoggedOut;
    public string? Seat { get; private set; }
    public string? PauseReason { get; private set; }

    /// <summary>The call this agent is ringing for, talking on or wrapping up.</summary>
    public string? CallId { get; private set; }

    /// <summary>Calls answered since login; the fewestcalls strategy reads it.</summary>
    public int CallsAnswered { get; private set; }

    /// <summary>When the agent last became free after a call (or logged in); the leastrecent strategy reads it.</summary>
    public DateTimeOffset LastFreeAt { get; private set; }

    public DateTimeOffset StateSince { get; private set; }

    public IReadOnlyList<AgentStateChange> History => _history;

    public int SkillLevel(string skill) => Profile.Skills.TryGetValue(skill, out var level) ? level : 0;

    /// <param name="profile">The agent's skills as of this login, when they changed since the last one.</param>
    public void Login(string seat, AgentProfile? profile = null)
    {
        Require(AgentState.LoggedOut, "log in");
        if (profile is not null && profile.AgentNo != AgentNo) throw new ArgumentException($"profile of {profile.AgentNo} given to agent {AgentNo}", nameof(profile));
        Profile = profile ?? Profile;
        Seat = seat;
        CallsAnswered = 0;
        LastFreeAt = _clock.GetUtcNow();
        MoveTo(AgentState.Idle, null, $"logged in at seat {seat}");
    }

    public void Logout()
    {
        Require([AgentState.Idle, AgentState.Paused, AgentState.WrapUp], "log out");
        MoveTo(AgentState.LoggedOut, null, null);
        Seat = null;
    }

    public void Pause(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("a pause needs a reason (break, training, after-call work...)", nameof(reason));
        Require([AgentState.Idle, AgentState.WrapUp], "pause");
        PauseReason = reason.Trim();
        MoveTo(AgentState.Paused, CallId, PauseReason);
    }

    public void Resume()
    {
        Require(AgentState.Paused, "resume");
        PauseReason = null;
        LastFreeAt = _clock.GetUtcNow();
        MoveTo(AgentState.Idle, null, null);
    }

    public void Ring(string callId)
    {
        Require(AgentState.Idle, "ring");
        MoveTo(AgentState.Ringing, callId, null);
    }

    /// <summary>The ring ended without this agent answering: no answer, declined, answered elsewhere, or the caller left.</summary>
    public void StopRinging(string reason)
    {
        Require(AgentState.Ringing, "stop ringing");
        MoveTo(AgentState.Idle, CallId, reason);
    }

    public void Answer()
    {
        Require(AgentState.Ringing, "answer");
        CallsAnswered++;
        MoveTo(AgentState.Busy, CallId, null);
    }

    /// <summary>Takes a call the dialer placed for this agent (outbound): busy without ringing.</summary>
    public void StartOutbound(string callId)
    {
        Require(AgentState.Idle, "dial out");
        CallsAnswered++;
        MoveTo(AgentState.Busy, callId, "outbound");
    }

    public void EndCall()
    {
        Require(AgentState.Busy, "end a call");
        MoveTo(AgentState.WrapUp, CallId, null);
    }

    public void FinishWrapUp()
    {
        Require(AgentState.WrapUp, "finish wrap-up");
        LastFreeAt = _clock.GetUtcNow();
        MoveTo(AgentState.Idle, CallId, null);
    }

    private void MoveTo(AgentState next, string? callId, string? reason)
    {
        var at = _clock.GetUtcNow();
        _history.Add(new AgentStateChange(AgentNo, State, next, at, callId, reason));
        State = next;
        StateSince = at;
        CallId = next is AgentState.Ringing or AgentState.Busy or AgentState.WrapUp ? callId : null;
    }

    private void Require(AgentState expected, string action) => Require([expected], action);

    private void Require(AgentState[] allowed, string action)
    {
        if (!allowed.Contains(State))
            throw new InvalidOperationException($"agent {AgentNo} cannot {action} while {State} (needs {string.Join(" or ", allowed)})");
    }
}
