namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>An agent's seat state: 示闲 idle, ringing, 示忙 busy on a call, 话后 wrap-up, paused with a reason.</summary>
public enum AgentState { LoggedOut, Idle, Ringing, Busy, WrapUp, Paused }

/// <summary>One timestamped change of an agent's state; the history statistics and the wallboard read.</summary>
/// <param name="CallId">The call that caused it (ringing, answer, wrap-up), if any.</param>
/// <param name="Reason">Why: the pause reason, "no answer", "logged in at seat S".</param>
public sealed record AgentStateChange(string AgentNo, AgentState From, AgentState To, DateTimeOffset At, string? CallId = null, string? Reason = null);
