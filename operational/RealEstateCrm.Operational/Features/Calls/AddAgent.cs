using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Makes a user a call-center agent (座席) with an agent number, the extension their phone registers
/// as, and skills the ACD routes on.</summary>
[UseCase]
public sealed class AddAgent(CrmDbContext db)
{
    public sealed record Request(Guid UserId, string AgentNo, string Extension, IReadOnlyDictionary<string, int> Skills, string? SeatNo = null);

    public async Task<Agent> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.AgentNo, "agent-no", 16)
            .Require(request.Extension is { Length: >= 3 and <= 8 } && request.Extension.All(char.IsAsciiDigit), "extension", "must be 3 to 8 digits")
            .Require(request.SeatNo is null || request.SeatNo.Length <= 16, "seat-no", "is longer than 16 characters")
            .Require(await db.Users.ExistsOrAbsent(request.UserId, ct), "user", Lookups.NotFoundMessage<User>(request.UserId))
            .Require(!await db.Agents.AnyAsync(a => a.UserId == request.UserId, ct), "user", "is already an agent")
            .Require(!await db.Agents.AnyAsync(a => a.AgentNo == request.AgentNo, ct), "agent-no", $"\"{request.AgentNo}\" is taken")
            .Require(!await db.Agents.AnyAsync(a => a.Extension == request.Extension, ct), "extension", $"\"{request.Extension}\" is taken");
        foreach (var (skill, level) in request.Skills) AgentSkills.Validate(validator, skill, level);
        validator.ThrowIfInvalid();

        var agent = new Agent { UserId = request.UserId, AgentNo = request.AgentNo.Trim(), Extension = request.Extension, SeatNo = request.SeatNo };
        agent.Skills.AddRange(request.Skills.Select(s => new AgentSkill { AgentId = agent.Id, Skill = s.Key.Trim(), Level = s.Value }));
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        return agent;
    }
}
