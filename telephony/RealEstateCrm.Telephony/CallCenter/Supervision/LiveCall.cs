namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>A caller talking to an agent right now, with whoever supervises the call.</summary>
public sealed record LiveCall(string CallId, string Caller, string Callee, string AgentNo, DateTimeOffset StartedAt, IReadOnlyList<SupervisionSession> Supervisors);
