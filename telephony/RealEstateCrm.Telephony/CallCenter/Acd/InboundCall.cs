namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>A call the IVR hands to a queue. <see cref="StartedAt"/> is when the call arrived (before the IVR).</summary>
public sealed record InboundCall(string CallId, string Caller, string Callee, string Queue, DateTimeOffset StartedAt, string? IvrPath = null);

/// <summary>A call as the queue holds it, for wallboards and tests.</summary>
public sealed record QueuedCall(string CallId, string Caller, string Queue, DateTimeOffset EnqueuedAt, bool AtRisk, string? StickyAgentNo, CallerRecord? Customer);
