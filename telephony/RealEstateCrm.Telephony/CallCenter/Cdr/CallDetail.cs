namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>A call detail record (话单) for one leg: the caller's leg of an inbound call, an agent leg (each ring of an
/// agent, linked to the caller's leg by <see cref="ParentCallId"/>), or an outbound call.</summary>
/// <param name="AgentNo">The agent on this leg; for a caller's leg the agent who answered.</param>
public sealed record CallDetail(
    string CallId, string? ParentCallId, CallLegDirection Direction, string Caller, string Callee, CallDisposition Disposition,
    DateTimeOffset StartedAt, DateTimeOffset EndedAt, DateTimeOffset? EnqueuedAt = null, DateTimeOffset? AnsweredAt = null,
    string? Queue = null, string? AgentNo = null, string? IvrPath = null, string? RecordingFile = null, Guid? CallListEntryId = null)
{
    /// <summary>From entering the queue (or the start of the leg) to the answer, or to the end when unanswered; whole seconds.</summary>
    public int WaitSeconds => Seconds((AnsweredAt ?? EndedAt) - (EnqueuedAt ?? StartedAt));

    public int TalkSeconds => AnsweredAt is { } answered ? Seconds(EndedAt - answered) : 0;

    private static int Seconds(TimeSpan span) => (int)Math.Round(Math.Max(0, span.TotalSeconds), MidpointRounding.AwayFromZero);
}

public enum CallLegDirection { Inbound, Outbound, Internal }

/// <summary>How a leg ended. <see cref="IvrOnly"/>: the caller was served by self-service and never queued.</summary>
public enum CallDisposition { Answered, Abandoned, Voicemail, NoAnswer, Busy, Failed, IvrOnly }
