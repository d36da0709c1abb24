using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Calls;

/// <summary>A call detail record (话单): one row per call leg. A bridged inbound call has the
/// caller's leg and the agent's leg, linked by <see cref="ParentId"/>.</summary>
public sealed class CallRecord : Entity
{
    public required string CallId { get; set; }
    public Guid? ParentId { get; set; }
    public CallDirection Direction { get; set; }
    public required string Caller { get; set; }
    public required string Callee { get; set; }
    public Guid? CustomerId { get; set; }
    public string? Queue { get; set; }
    public Guid? AgentId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EnqueuedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime EndedAt { get; set; }
    public int WaitSeconds { get; set; }
    public int TalkSeconds { get; set; }
    public CallOutcome Outcome { get; set; }
    public string? IvrPath { get; set; }
    public string? RecordingFile { get; set; }
    public Guid? CallListEntryId { get; set; }
}

public enum CallDirection { Inbound, Outbound, Internal }
public enum CallOutcome { Answered, Abandoned, Voicemail, NoAnswer, Busy, Failed, IvrOnly }
