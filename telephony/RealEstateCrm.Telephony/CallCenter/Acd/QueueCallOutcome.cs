namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>How one call left a queue; the input of <see cref="QueueStatistics"/>. <see cref="EndedAt"/> stays null while an answered call is still talking.</summary>
public sealed record QueueCallOutcome(
    string Queue, string CallId, DateTimeOffset EnqueuedAt, DateTimeOffset LeftQueueAt, QueueExit Exit, string? AgentNo = null, DateTimeOffset? EndedAt = null)
{
    public TimeSpan Waited => LeftQueueAt - EnqueuedAt;
}

public enum QueueExit { Answered, Abandoned, Voicemail }
