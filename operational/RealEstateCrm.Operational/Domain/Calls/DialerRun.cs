using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Calls;

/// <summary>A progressive dialling run (自动外呼) on one call list: the switch calls the list's customers for the idle
/// agents with <see cref="Skill"/>, one call per agent, from its start until a supervisor stops it or it has nothing left
/// to dial (completed). Kept in the database
/// so a restarted server goes on with it.</summary>
public sealed class DialerRun : Entity
{
    public Guid CallListId { get; set; }
    /// <summary>The agents who take the run's calls: those logged in with this skill (the queue's team).</summary>
    public required string Skill { get; set; }
    public Guid StartedByUserId { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>Who stopped the run; null on a stopped run when the server completed it, its list having nothing left to dial.</summary>
    public Guid? StoppedByUserId { get; set; }
    public DateTime? StoppedAt { get; set; }
}

/// <summary>One call a run placed, written before the agent's phone rings: a call whose outcome never arrived (the server
/// stopped meanwhile) is <see cref="DialerCallOutcome.Interrupted"/> and its entry is not dialled again by a run.</summary>
public sealed class DialerCall : Entity
{
    public Guid DialerRunId { get; set; }
    public Guid CallListEntryId { get; set; }
    public required string CallId { get; set; }
    public required string AgentNo { get; set; }
    public DateTime PlacedAt { get; set; }
    /// <summary>Null while the call is on.</summary>
    public DialerCallOutcome? Outcome { get; set; }
    public DateTime? EndedAt { get; set; }
}

public enum DialerCallOutcome { Answered, NoAnswer, Busy, Failed, Interrupted }
