using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Inventory;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class ScopeTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task A_scoped_user_does_not_find_another_units_customers()
    {
        var ours = await ScopedTeam.CreateAsync(server.Database);
        var theirs = await ScopedTeam.CreateAsync(server.Database);
        var page = await chromium.SignInAsync(server.BaseAddress, ours.Sales, password: ScopedTeam.Password);

        await page.GotoAsync("/Search?Kind=Customers&Text=" + Uri.EscapeDataString(ScopedTeam.NamePrefix));
        var names = await page.Locator("table.search-results tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Contains(ours.Customer.Name, names);
        Assert.DoesNotContain(theirs.Customer.Name, names);

        await page.GotoAsync($"/Search?Kind=Customers&ProjectId={theirs.ProjectId}");
        Assert.Equal(0, await page.Locator("table.search-results tbody tr").CountAsync());
        Assert.DoesNotContain(theirs.ProjectName, await page.InnerTextAsync("select[name=ProjectId]"));
    }

    [Fact]
    public async Task A_supervisor_sees_the_customers_of_a_unit_moved_under_his_own_at_the_next_page()
    {
        var ct = TestContext.Current.CancellationToken;
        var ours = await ScopedTeam.CreateAsync(server.Database);
        var theirs = await ScopedTeam.CreateAsync(server.Database);
        string supervisor;
        await using (var db = server.Database.CreateContext())
            supervisor = (await new AddUser(db).Handle(new AddUser.Request("sv." + Guid.NewGuid().ToString("N")[..8], "主管", ScopedTeam.Password,
                [BuiltInRoles.Sales], ours.UnitCode, IsSupervisor: true), ct)).UserName;
        var page = await chromium.SignInAsync(server.BaseAddress, supervisor, password: ScopedTeam.Password);
        var search = "/Search?Kind=Customers&Text=" + Uri.EscapeDataString(ScopedTeam.NamePrefix);

        await page.GotoAsync(search);
        var before = await page.Locator("table.search-results tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Contains(ours.Customer.Name, before);
        Assert.DoesNotContain(theirs.Customer.Name, before);

        // Pages keep the scope while nothing is written: the move must reach the very next page all the same.
        await using (var db = server.Database.CreateContext())
            await new MoveOrgUnit(db).Handle(new MoveOrgUnit.Request(theirs.UnitId, ours.UnitId), ct);
        await page.GotoAsync(search);
        Assert.Contains(theirs.Customer.Name, await page.Locator("table.search-results tbody tr td:nth-child(2)").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Agents_see_masked_phone_numbers_and_sales_see_them_whole()
    {
        var team = await ScopedTeam.CreateAsync(server.Database);
        var search = "/Search?Kind=Customers&Text=" + Uri.EscapeDataString(team.Customer.Name);

        var sales = await chromium.SignInAsync(server.BaseAddress, team.Sales, password: ScopedTeam.Password);
        await sales.GotoAsync(search);
        Assert.Equal(team.Customer.Phone, (await sales.InnerTextAsync("table.search-results tbody tr td:nth-child(3)")).Trim());

        var agent = await chromium.SignInAsync(server.BaseAddress, team.Agent, password: ScopedTeam.Password);
        await agent.GotoAsync(search);
        var masked = (await agent.InnerTextAsync("table.search-results tbody tr td:nth-child(3)")).Trim();
        Assert.Equal(ChinesePhone.Mask(team.Customer.Phone), masked);
        Assert.Contains("****", masked);
        var csv = await (await agent.Context.APIRequest.GetAsync(search + "&handler=Csv")).TextAsync();
        Assert.Contains(masked, csv);
        Assert.DoesNotContain(team.Customer.Phone!, csv);
    }

    [Fact]
    public async Task Without_phone_rights_a_fragment_of_the_number_finds_nobody_but_the_whole_number_does()
    {
        var team = await ScopedTeam.CreateAsync(server.Database);
        var agent = await chromium.SignInAsync(server.BaseAddress, team.Agent, password: ScopedTeam.Password);

        await agent.GotoAsync("/Search?Kind=Customers&Text=" + team.Customer.Phone![..7]);
        Assert.DoesNotContain(team.Customer.Name, await agent.InnerTextAsync("table.search-results"));
        await agent.GotoAsync("/Search?Kind=Customers&Text=" + team.Customer.Phone);
        Assert.Contains(team.Customer.Name, await agent.InnerTextAsync("table.search-results"));
    }
}

/// <summary>A sales team of its own for a test: an org unit, its project, a customer at home there and a sales rep and an
/// agent in the unit (both scoped to that project alone), made through the use cases.</summary>
public sealed record ScopedTeam(Guid UnitId, string UnitCode, Guid ProjectId, string ProjectName, Customer Customer, string Sales, string Agent)
{
    public const string NamePrefix = "范围测试";
    public const string Password = "Scope-pass-2026";

    public static async Task<ScopedTeam> CreateAsync(CrmDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using var db = database.CreateContext();
        var company = await db.Companies.OrderBy(c => c.Code).FirstAsync(ct);
        var unit = await new CreateOrgUnit(db).Handle(new CreateOrgUnit.Request(company.Id, "TEAM-" + suffix, "测试销售团队" + suffix), ct);
        var project = await new CreateProject(db).Handle(
            new CreateProject.Request("T" + suffix, "测试楼盘" + suffix, "杭州", company.Id, unit.Id, 32_000m), ct);
        var customer = await new CreateCustomer(db).Handle(new CreateCustomer.Request(new CustomerDetails
        {
            Name = NamePrefix + suffix, Phone = "139" + Random.Shared.Next(10_000_000, 99_999_999), City = "杭州", HomeProjectId = project.Id,
        }), ct);
        var sales = await new AddUser(db).Handle(new AddUser.Request("s." + suffix, "销售" + suffix, Password, [BuiltInRoles.Sales], unit.Code), ct);
        var agent = await new AddUser(db).Handle(new AddUser.Request("a." + suffix, "座席" + suffix, Password, [BuiltInRoles.Agent], unit.Code), ct);
        return new ScopedTeam(unit.Id, unit.Code, project.Id, project.Name, customer, sales.UserName, agent.UserName);
    }
}
