using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Calls;

public sealed class AgentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task An_agent_gets_an_extension_and_leveled_skills_that_can_change(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var user = await Given.User(db);

        var agent = await new AddAgent(db).Handle(new AddAgent.Request(user.Id, "A001", "8001", new Dictionary<string, int> { ["投诉"] = 3, ["售后"] = 2 }, "3F-12"), Ct);
        await new SetAgentSkill(db).Handle(new SetAgentSkill.Request(agent.Id, "投诉", 5), Ct);
        await new SetAgentSkill(db).Handle(new SetAgentSkill.Request(agent.Id, "销售", 1), Ct);

        await using var check = test.Context();
        var skills = await check.Set<AgentSkill>().Where(s => s.AgentId == agent.Id).ToDictionaryAsync(s => s.Skill, s => s.Level, Ct);
        Assert.Equal(new Dictionary<string, int> { ["投诉"] = 5, ["售后"] = 2, ["销售"] = 1 }, skills);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_taken_extension_a_second_agent_for_a_user_and_a_bad_level_are_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var first = await Given.User(db);
        await new AddAgent(db).Handle(new AddAgent.Request(first.Id, "A001", "8001", new Dictionary<string, int>()), Ct);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            new AddAgent(db).Handle(new AddAgent.Request(first.Id, "A002", "8001", new Dictionary<string, int> { ["投诉"] = 6 }), Ct));
        var extension = await Assert.ThrowsAsync<ValidationException>(() =>
            new AddAgent(db).Handle(new AddAgent.Request(first.Id, "A003", "80a1", new Dictionary<string, int>()), Ct));

        Assert.Equal(["user", "extension", "skills.投诉"], error.Errors.Select(e => e.Field));
        Assert.Contains("extension", extension.Errors.Select(e => e.Field));
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }
}
