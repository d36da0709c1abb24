using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class SalesChartTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task Chart_colours_every_unit_of_a_building_by_its_status_in_the_database()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        Building building;
        Dictionary<Guid, UnitStatus> statuses;
        List<Unit> units;
        List<Lead> openLeads;
        await using (var db = server.Database.CreateContext())
        {
            building = await db.Buildings.AsNoTracking().Include(b => b.Stacks).Where(b => b.ProjectId == rep.ProjectId).OrderBy(b => b.Name).FirstAsync(ct);
            statuses = await db.Units.Where(u => u.BuildingId == building.Id).ToDictionaryAsync(u => u.Id, u => u.Status, ct);
            units = await db.Units.AsNoTracking().Where(u => u.BuildingId == building.Id).ToListAsync(ct);
            openLeads = await db.Leads.AsNoTracking().Where(l => l.ProjectId == rep.ProjectId && l.Status != LeadStatus.Won && l.Status != LeadStatus.Lost).ToListAsync(ct);
        }
        Assert.True(statuses.Values.Distinct().Count() > 1, "the seed sells some units, so the building shows more than one status");

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        await page.GotoAsync($"/Sales/Chart?project={rep.ProjectId}&building={building.Id}&demand=true");
        var cells = await page.EvalOnSelectorAllAsync<string[][]>(".sales-chart a.unit", "cells => cells.map(c => [c.dataset.unit, c.className])");
        Assert.Equal(statuses.Count, cells.Length);
        foreach (var cell in cells)
            Assert.Contains("st-" + statuses[Guid.Parse(cell[0])].ToString().ToLowerInvariant(), cell[1].Split(' '));
        foreach (var status in Enum.GetValues<UnitStatus>())
            Assert.Equal(statuses.Values.Count(s => s == status).ToString(), await page.InnerTextAsync($"[data-status-count={status}]"));
        // Each cell's demand, counted here lead by lead: open leads wanting its bedrooms (or not saying) whose budget reaches its price.
        var demand = await page.EvalOnSelectorAllAsync<string[][]>(".sales-chart a.unit", "cells => cells.map(c => [c.dataset.unit, c.querySelector('.demand').textContent])");
        foreach (var unit in units)
            Assert.Equal(openLeads.Count(l => l.Budget >= unit.ListPrice && (l.WantedBedrooms is null || l.WantedBedrooms == unit.Bedrooms)).ToString(),
                demand.Single(d => d[0] == unit.Id.ToString())[1]);
        Assert.Contains(demand, d => d[1] != "0");
        Assert.Equal(building.Floors * building.Stacks.Count, await page.Locator(".sales-chart .unit").CountAsync());
        Assert.Contains("m²", await page.Locator(".sales-chart a.unit").First.GetAttributeAsync("title"));
        await Chromium.ScreenshotAsync(page, "sales-chart");

        await page.GotoAsync($"/Sales/Chart?project={rep.ProjectId}&building={building.Id}&status=Available");
        var dimmed = await page.EvalOnSelectorAllAsync<string[]>(".sales-chart a.unit.dim", "cells => cells.map(c => c.dataset.unit)");
        Assert.Equal(statuses.Where(s => s.Value != UnitStatus.Available).Select(s => s.Key.ToString()).Order(), dimmed.Order());

        var tablet = await chromium.SignInAsync(server.BaseAddress, "demo.sales", culture: "zh-CN");
        await tablet.SetViewportSizeAsync(768, 1024);
        await tablet.GotoAsync($"/Sales/Chart?project={rep.ProjectId}&building={building.Id}");
        Assert.Equal("销控图", (await tablet.InnerTextAsync("h1")).Trim());
        Assert.Contains("可售", await tablet.InnerTextAsync(".chart-legend"));
        await Chromium.ScreenshotAsync(tablet, "sales-chart-768-zh");
    }

    [Fact]
    public async Task A_new_lead_counts_in_the_chart_demand_at_the_next_view()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        Guid buildingId;
        await using (var db = server.Database.CreateContext())
            buildingId = await db.Buildings.Where(b => b.ProjectId == rep.ProjectId).OrderBy(b => b.Name).Select(b => b.Id).FirstAsync(ct);
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        var address = $"/Sales/Chart?project={rep.ProjectId}&building={buildingId}&demand=true";
        async Task<Dictionary<string, int>> DemandAsync()
        {
            await page.GotoAsync(address);
            var cells = await page.EvalOnSelectorAllAsync<string[][]>(".sales-chart a.unit", "cells => cells.map(c => [c.dataset.unit, c.querySelector('.demand').textContent])");
            return cells.ToDictionary(c => c[0], c => int.Parse(c[1], CultureInfo.InvariantCulture));
        }

        var before = await DemandAsync();
        Assert.Equal(before, await DemandAsync());
        // A buyer who can afford any unit of any size: every cell counts one more.
        var customer = await SalesTestData.CustomerAsync(server, rep.ProjectId, "钱多多");
        await SalesTestData.LeadAsync(server, customer.Id, rep.ProjectId, rep.Id, budget: 1_000_000_000m);
        var after = await DemandAsync();
        Assert.Equal(before.ToDictionary(d => d.Key, d => d.Value + 1), after);
    }

    [Fact]
    public async Task A_rep_does_not_see_another_teams_project_in_the_chart_or_its_leads()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        Guid otherProject, otherUnit;
        Lead otherLead;
        await using (var db = server.Database.CreateContext())
        {
            otherProject = await db.Projects.Where(p => !rep.Scope.ProjectIds.Contains(p.Id)).Select(p => p.Id).FirstAsync(ct);
            otherUnit = await db.Units.Where(u => u.ProjectId == otherProject).Select(u => u.Id).FirstAsync(ct);
            otherLead = await db.Leads.AsNoTracking().Where(l => l.ProjectId == otherProject).FirstAsync(ct);
        }

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        await page.GotoAsync("/Sales/Chart");
        var offered = await page.EvalOnSelectorAllAsync<string[]>("#project option", "options => options.map(o => o.value)");
        Assert.Equal(rep.Scope.ProjectIds.Select(p => p.ToString()).Order(), offered.Order());

        Assert.Equal(404, (await page.GotoAsync($"/Sales/Chart?project={otherProject}"))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/Sales/Units/{otherUnit}"))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/Sales/Leads/{otherLead.Id}"))!.Status);
        await page.GotoAsync("/Sales/Leads?whose=all");
        var leads = await page.EvalOnSelectorAllAsync<string[]>("#leads tr[data-lead]", "rows => rows.map(r => r.dataset.lead)");
        Assert.NotEmpty(leads);
        Assert.DoesNotContain(otherLead.Id.ToString(), leads);

        var manager = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        Assert.Equal(200, (await manager.GotoAsync($"/Sales/Chart?project={otherProject}"))!.Status);
        Assert.Equal(200, (await manager.GotoAsync($"/Sales/Leads/{otherLead.Id}"))!.Status);
    }
}
