using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The operational agents as the call center sees them: number, name, extension, skills, department, and
/// their phones' SIP passwords (<see cref="AgentSipPassword"/>), looked up by extension.</summary>
public sealed class OperationalAgentDirectory(CrmDatabase database, AgentSipPassword passwords) : IAgentDirectory
{
    public async Task<IReadOnlyList<AgentProfile>> AgentsAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateContext("telephony");
        return await ProfilesAsync(db, db.Agents, ct);
    }

    /// <summary>The call center's view of <paramref name="agents"/>; the agent desktop logs a seat in with it.</summary>
    public static async Task<IReadOnlyList<AgentProfile>> ProfilesAsync(CrmDbContext db, IQueryable<Agent> agents, CancellationToken ct)
    {
        var rows = await agents.AsNoTracking().Include(a => a.Skills)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { Agent = a, u.DisplayName, u.OrgUnitId })
            .OrderBy(a => a.Agent.AgentNo).ToListAsync(ct);
        var departments = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. rows.Select(a => new AgentProfile(a.Agent.AgentNo, a.DisplayName, a.Agent.Extension,
            a.Agent.Skills.ToDictionary(s => s.Skill, s => s.Level), a.OrgUnitId is { } unit ? departments.GetValueOrDefault(unit) : null))];
    }

    public async ValueTask<string?> FindPasswordAsync(string user, string realm, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext("telephony");
        var known = await db.Agents.AnyAsync(a => a.Extension == user, cancellationToken);
        return known ? passwords.For(user) : null;
    }
}
