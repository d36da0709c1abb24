using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Starts progressive dialling of a call list for the agents with a skill. One run at a time per list: two
/// would call the same customers.</summary>
[UseCase]
public sealed class StartDialerRun(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid CallListId, string Skill, Guid StartedByUserId);

    public async Task<DialerRun> Handle(Request request, CancellationToken ct = default)
    {
        var skill = request.Skill?.Trim() ?? "";
        new Validator().NotBlank(skill, "skill", 50).ThrowIfInvalid();
        var list = await db.CallLists.FindOrFail(request.CallListId, "list", ct);
        await db.Users.FindOrFail(request.StartedByUserId, "user", ct);
        if (!await db.Set<AgentSkill>().AnyAsync(s => s.Skill == skill, ct))
            throw new ValidationException([new ValidationError("skill", $"no agent has the skill \"{skill}\"")]);
        if (await db.DialerRuns.AnyAsync(r => r.CallListId == list.Id && r.StoppedAt == null, ct))
            throw new DomainException($"a progressive run is already dialling the list \"{list.Name}\"", "list");
        var run = new DialerRun { CallListId = list.Id, Skill = skill, StartedByUserId = request.StartedByUserId, StartedAt = clock.GetUtcNow().UtcDateTime };
        db.DialerRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }
}
