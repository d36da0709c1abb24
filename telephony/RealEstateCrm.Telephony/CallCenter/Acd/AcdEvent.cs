namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>What the <see cref="CallDistributor"/> tells the switch and the screens, in order, on <see cref="CallDistributor.Events"/>.</summary>
public abstract record AcdEvent(DateTimeOffset At);

/// <summary>Ring this agent's phone; also the screen pop: the caller's customer record, when the number matched one.</summary>
public sealed record AgentRinging(DateTimeOffset At, string CallId, string AgentNo, string Extension, string Caller, string Queue, CallerRecord? ScreenPop) : AcdEvent(At);

/// <summary>Stop ringing this agent (no answer, answered by another agent, caller gone).</summary>
public sealed record AgentRingingStopped(DateTimeOffset At, string CallId, string AgentNo, string Reason) : AcdEvent(At);

/// <summary>Bridge the caller to the agent who answered.</summary>
public sealed record CallConnected(DateTimeOffset At, string CallId, string AgentNo) : AcdEvent(At);

/// <summary>The call waited its queue's maximum: take the caller to voicemail.</summary>
public sealed record CallSentToVoicemail(DateTimeOffset At, string CallId, string Queue) : AcdEvent(At);

public sealed record CallAbandoned(DateTimeOffset At, string CallId, string Queue, TimeSpan Waited) : AcdEvent(At);

public sealed record AgentStateChanged(DateTimeOffset At, AgentStateChange Change) : AcdEvent(At);

public sealed record QueueAlarmRaised(DateTimeOffset At, string Queue, QueueMetric Metric, double Value, double Threshold) : AcdEvent(At);

public sealed record QueueAlarmCleared(DateTimeOffset At, string Queue, QueueMetric Metric, double Value, double Threshold) : AcdEvent(At);

public enum QueueMetric { CallsWaiting, LongestWaitSeconds, ServiceLevel, AbandonRate }
