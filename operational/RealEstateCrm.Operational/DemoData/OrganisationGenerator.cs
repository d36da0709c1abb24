using Bogus;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>The company, its city branches, the org-unit tree, users in all six roles (one signable demo
/// account per role) and the call-center agents with their skills.</summary>
internal static class OrganisationGenerator
{
    public const string DemoPassword = "Demo!2026pass";

    // PBKDF2 at 210,000 iterations is deliberately slow; the demo accounts share one hash per process.
    private static readonly Lazy<string> DemoPasswordHash = new(() => PasswordHasher.Hash(DemoPassword));

    public static readonly IReadOnlyList<(string UserName, string Role)> DemoAccounts =
    [
        ("demo.admin", BuiltInRoles.Admin), ("demo.manager", BuiltInRoles.Manager), ("demo.analyst", BuiltInRoles.Analyst),
        ("demo.sales", BuiltInRoles.Sales), ("demo.agent", BuiltInRoles.Agent), ("demo.service", BuiltInRoles.Service),
    ];

    public sealed record Result(Company Headquarters, Dictionary<string, Company> Branches, Dictionary<string, Guid> RoleIds, OrgUnit Management, OrgUnit Service, OrgUnit Engineering);

    public static Result Generate(DemoWorld world, RowBuffer rows, DemoRandom random, Faker faker)
    {
        var at = world.Start;
        var hq = rows.Add(new Company { Id = random.Id(at), Code = "HQ", Name = "钱塘置业集团有限公司", City = "杭州" });
        var branches = new Dictionary<string, Company>();
        foreach (var (city, _, _) in ChineseVocabulary.Cities.Take(Math.Max(2, Math.Min(ChineseVocabulary.Cities.Count, world.Options.Scale.Projects))))
            branches[city] = rows.Add(new Company { Id = random.Id(at), Code = $"BR-{branches.Count + 1:00}", Name = $"钱塘置业{city}分公司", City = city, ParentCompanyId = hq.Id });

        var roleIds = new Dictionary<string, Guid>();
        foreach (var (code, (name, functions)) in BuiltInRoles.All)
        {
            var role = rows.Add(new Role { Id = random.Id(at), Code = code, Name = name });
            roleIds[code] = role.Id;
            foreach (var function in functions) rows.Add(new RoleFunction { RoleId = role.Id, Function = function });
        }

        OrgUnit Unit(string code, string name, OrgUnitKind kind, OrgUnit? parent, Company company)
        {
            var unit = new OrgUnit { Id = random.Id(at), CompanyId = company.Id, ParentId = parent?.Id, Code = code, Name = name, Kind = kind };
            unit.Path = (parent?.Path ?? "/") + unit.Id + "/";
            return rows.Add(unit);
        }
        var management = Unit("MGT", "总经办 Management", OrgUnitKind.Management, null, hq);
        var result = new Result(hq, branches, roleIds, management,
            Unit("SVC", "客户服务中心 Service", OrgUnitKind.Service, management, hq),
            Unit("ENG", "工程部 Engineering", OrgUnitKind.Engineering, management, hq));
        world.ServiceDepartmentId = result.Service.Id;
        var callCenter = Unit("CC", "呼叫中心 Call center", OrgUnitKind.CallCenter, result.Service, hq);
        var marketing = Unit("MKT", "营销策划部 Marketing", OrgUnitKind.Marketing, management, hq);
        Unit("FIN", "财务部 Finance", OrgUnitKind.Finance, management, hq);
        Unit("SVC-REPAIR", "维修组 Repairs", OrgUnitKind.Service, result.Service, hq);

        foreach (var role in BuiltInRoles.All.Keys) world.UsersByRole[role] = [];
        var userNo = 0;
        User AddUser(string role, OrgUnit unit, bool supervisor = false, string? userName = null)
        {
            userNo++;
            var user = rows.Add(new User
            {
                Id = random.Id(at), UserName = userName ?? $"{role}{userNo:0000}", DisplayName = faker.Name.LastName() + faker.Name.FirstName(),
                OrgUnitId = unit.Id, IsSupervisor = supervisor, Phone = $"139{random.Next(10_000_000, 99_999_999)}",
                Email = $"{userName ?? role + userNo}@qiantang-demo.cn", CreatedAt = at,
                // Only the demo accounts can sign in; generated staff have no password.
                PasswordHash = userName is null ? null : DemoPasswordHash.Value,
            });
            rows.Add(new UserRole { UserId = user.Id, RoleId = roleIds[role] });
            world.UsersByRole[role].Add(user);
            return user;
        }

        AddUser(BuiltInRoles.Admin, management, true, "demo.admin");
        AddUser(BuiltInRoles.Manager, management, true, "demo.manager");
        AddUser(BuiltInRoles.Analyst, marketing, false, "demo.analyst");
        AddUser(BuiltInRoles.Analyst, marketing);
        AddUser(BuiltInRoles.Service, result.Service, true, "demo.service");
        for (var i = 0; i < Math.Max(3, world.Options.Scale.Agents / 4); i++) AddUser(BuiltInRoles.Service, result.Service);

        var skills = new[] { "sales", "service", "vip" };
        for (var i = 0; i < world.Options.Scale.Agents; i++)
        {
            var user = AddUser(BuiltInRoles.Agent, callCenter, i == 0, i == 0 ? "demo.agent" : null);
            var agent = rows.Add(new Agent { Id = random.Id(at), UserId = user.Id, AgentNo = $"A{i + 1:0000}", Extension = $"{8001 + i}", SeatNo = $"S{i + 1:000}" });
            foreach (var skill in skills.Where((_, k) => k == i % 3 || random.Chance(0.4)))
                rows.Add(new AgentSkill { Id = random.Id(at), AgentId = agent.Id, Skill = skill, Level = random.Next(1, 6) });
            world.Agents.Add(agent);
        }

        // Branch managers and sales teams come with the projects; the demo sales account joins the first team.
        return result;
    }

    /// <summary>A project's sales team under its city branch, with a supervisor and reps.</summary>
    public static (OrgUnit Team, List<User> Reps) SalesTeam(DemoWorld world, RowBuffer rows, DemoRandom random, Faker faker, Result org, Company branch, string projectCode, string projectName, int reps)
    {
        var at = world.Start;
        var team = new OrgUnit { Id = random.Id(at), CompanyId = branch.Id, ParentId = org.Management.Id, Code = $"SALES-{projectCode}", Name = $"{projectName}销售团队", Kind = OrgUnitKind.Sales };
        team.Path = org.Management.Path + team.Id + "/";
        rows.Add(team);
        var members = new List<User>();
        for (var i = 0; i < reps + 1; i++)
        {
            var firstTeam = world.UsersByRole[BuiltInRoles.Sales].Count == 0;
            var role = i == 0 ? BuiltInRoles.Manager : BuiltInRoles.Sales;
            var name = role == BuiltInRoles.Sales && firstTeam ? "demo.sales" : $"{role}.{projectCode.ToLowerInvariant()}.{i}";
            var user = rows.Add(new User
            {
                Id = random.Id(at), UserName = name, DisplayName = faker.Name.LastName() + faker.Name.FirstName(), OrgUnitId = team.Id,
                IsSupervisor = i == 0, Phone = $"137{random.Next(10_000_000, 99_999_999)}", CreatedAt = at,
                PasswordHash = name == "demo.sales" ? DemoPasswordHash.Value : null,
            });
            rows.Add(new UserRole { UserId = user.Id, RoleId = org.RoleIds[role] });
            world.UsersByRole[role].Add(user);
            if (role == BuiltInRoles.Sales) members.Add(user);
        }
        return (team, members);
    }
}
