using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Gives an agent a skill at a level, or changes the level of one they have.</summary>
[UseCase]
public sealed class SetAgentSkill(CrmDbContext db)
{
    public sealed record Request(Guid AgentId, string Skill, int Level);

    public async Task<AgentSkill> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator();
        AgentSkills.Validate(validator, request.Skill, request.Level);
        validator.ThrowIfInvalid();
        var agent = await db.Agents.FindOrFail(request.AgentId, "agent", ct);
        var skill = await db.Set<AgentSkill>().SingleOrDefaultAsync(s => s.AgentId == agent.Id && s.Skill == request.Skill.Trim(), ct);
        if (skill is null)
        {
            skill = new AgentSkill { AgentId = agent.Id, Skill = request.Skill.Trim() };
            db.Add(skill);
        }
        skill.Level = request.Level;
        await db.SaveChangesAsync(ct);
        return skill;
    }
}
