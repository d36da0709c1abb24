using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Calls;

/// <summary>A call-center agent (座席): the user behind it, the extension their phone registers as, and their skills.</summary>
public sealed class Agent : Entity
{
    public Guid UserId { get; set; }
    public required string AgentNo { get; set; }
    public required string Extension { get; set; }
    public string? SeatNo { get; set; }
    public List<AgentSkill> Skills { get; set; } = [];
}

public sealed class AgentSkill : Entity
{
    public Guid AgentId { get; set; }
    public required string Skill { get; set; }
    public int Level { get; set; } = 1;
}
