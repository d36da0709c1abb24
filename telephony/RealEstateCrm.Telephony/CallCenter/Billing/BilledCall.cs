namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>An outbound call to be billed: who made it (agent and department) and to which number, for how long.</summary>
public sealed record BilledCall(string CallId, DateTimeOffset StartedAt, string AgentNo, string AgentName, string Department, string Callee, int TalkSeconds);
