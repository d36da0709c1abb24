using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>Rows the agent desktop and customer 360 tests make for themselves through the operational use cases (the
/// database is shared by every browser test): agents with users, customers with numbers no seeded customer has.</summary>
internal sealed class AgentTestData(WebServer server)
{
    public const string Password = "Agent-desk-2026";
    private static int _next;

    public sealed record TestAgent(string UserName, string AgentNo, string Extension);

    /// <summary>The first project and the code of the sales team that owns it (a user in that team sees its customers).</summary>
    public async Task<(Guid Id, string Name, string TeamCode)> ProjectAsync(int index = 0)
    {
        await using var db = server.Database.CreateContext();
        var project = await db.Projects.OrderBy(p => p.Code).Skip(index).FirstAsync(TestContext.Current.CancellationToken);
        var team = await db.OrgUnits.SingleAsync(o => o.Id == project.OrgUnitId, TestContext.Current.CancellationToken);
        return (project.Id, project.Name, team.Code);
    }

    /// <summary>A user in <paramref name="role"/> (in the org unit <paramref name="orgUnitCode"/>, if given).</summary>
    public async Task<string> UserAsync(string role, string? orgUnitCode)
    {
        var userName = $"e2e.{role}.{Next()}";
        await using var db = server.Database.CreateContext();
        await new AddUser(db).Handle(new AddUser.Request(userName, "测试" + userName, Password, [role], orgUnitCode), TestContext.Current.CancellationToken);
        return userName;
    }

    /// <summary>An agent with his own extension; <paramref name="skill"/> decides which queue may ring him.</summary>
    public async Task<TestAgent> AgentAsync(string skill, string? orgUnitCode = null)
    {
        var userName = await UserAsync(BuiltInRoles.Agent, orgUnitCode);
        var n = Next();
        await using var db = server.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);
        var agent = await new AddAgent(db).Handle(new AddAgent.Request(user.Id, $"E{n}", $"97{n:000}", new Dictionary<string, int> { [skill] = 5 }, $"S-E{n}"),
            TestContext.Current.CancellationToken);
        return new TestAgent(userName, agent.AgentNo, agent.Extension);
    }

    public async Task<Customer> CustomerAsync(string name, Guid? homeProjectId, string? idNumber = null)
    {
        await using var db = server.Database.CreateContext();
        return await new CreateCustomer(db).Handle(new CreateCustomer.Request(new CustomerDetails
        {
            Name = name, Phone = NewPhone(), IdNumber = idNumber, HomeProjectId = homeProjectId, City = "杭州", Address = "西湖区文三路 90 号",
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>A mobile number in the 166 00 block, which the demo data never hands out.</summary>
    public static string NewPhone() => $"16600{Next():000000}";

    private static int Next() => Interlocked.Increment(ref _next);
}
