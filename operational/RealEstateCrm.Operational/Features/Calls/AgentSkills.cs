using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

internal static class AgentSkills
{
    /// <summary>Levels run 1 (can take the call) to 5 (expert); the ACD prefers higher levels.</summary>
    public static void Validate(Validator validator, string skill, int level) =>
        validator.NotBlank(skill, "skill", 50)
            .Require(level is >= 1 and <= 5, $"skills.{skill}", "level must be from 1 to 5");
}
