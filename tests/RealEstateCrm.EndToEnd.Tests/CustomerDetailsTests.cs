using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class CustomerDetailsTests(WebServer server, Chromium chromium)
{
    private const string IdNumber = "11010519491231002X";
    private readonly AgentTestData _data = new(server);

    [Fact]
    public async Task The_phone_is_whole_for_a_manager_and_masked_for_an_agent_of_the_customers_project()
    {
        var project = await _data.ProjectAsync();
        var customer = await _data.CustomerAsync("诸葛亮", project.Id, IdNumber);
        var agent = await _data.UserAsync(BuiltInRoles.Agent, project.TeamCode);

        var manager = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        await manager.GotoAsync($"/Customers/Details/{customer.Id}");
        Assert.Equal(customer.Phone, (await manager.InnerTextAsync(".c360 .phone")).Trim());
        // No built-in role but the administrator's may see ID numbers.
        Assert.Equal("110105**********2X", (await manager.InnerTextAsync(".c360 .id-number")).Trim());

        var masked = await chromium.SignInAsync(server.BaseAddress, agent, password: AgentTestData.Password);
        var response = await masked.GotoAsync($"/Customers/Details/{customer.Id}");
        Assert.Equal(200, response!.Status);
        Assert.Equal(ChinesePhone.Mask(customer.Phone), (await masked.InnerTextAsync(".c360 .phone")).Trim());
        Assert.DoesNotContain(customer.Phone!, await masked.ContentAsync());
    }

    [Fact]
    public async Task A_customer_outside_the_users_data_scope_is_not_found()
    {
        var mine = await _data.ProjectAsync(0);
        var other = await _data.ProjectAsync(1);
        var stranger = await _data.CustomerAsync("司徒远", other.Id);
        var sales = await _data.UserAsync(BuiltInRoles.Sales, mine.TeamCode);

        var page = await chromium.SignInAsync(server.BaseAddress, sales, password: AgentTestData.Password);
        var response = await page.GotoAsync($"/Customers/Details/{stranger.Id}");
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("司徒远", await page.ContentAsync());
    }

    [Fact]
    public async Task The_360_shows_open_work_orders_with_their_SLA_the_timeline_and_the_models_reasons()
    {
        var ct = TestContext.Current.CancellationToken;
        var project = await _data.ProjectAsync();
        var customer = await _data.CustomerAsync("上官婉儿", project.Id, IdNumber);
        string overdue, onTime;
        await using (var db = server.Database.CreateContext())
        {
            var category = await db.ComplaintCategories.Where(c => !db.ComplaintCategories.Any(k => k.ParentId == c.Id)).OrderBy(c => c.Code).FirstAsync(ct);
            var late = await new OpenWorkOrder(db, TimeProvider.System).Handle(new OpenWorkOrder.Request(WorkOrderType.Repair, customer.Id, category.Id, "厨房水管漏水", ProjectId: project.Id), ct);
            var fresh = await new OpenWorkOrder(db, TimeProvider.System).Handle(new OpenWorkOrder.Request(WorkOrderType.Inquiry, customer.Id, category.Id, "咨询交房时间", ProjectId: project.Id), ct);
            // Its SLA ran out yesterday.
            late.OpenedAt = DateTime.UtcNow.AddDays(-3);
            late.DueAt = DateTime.UtcNow.AddDays(-1);
            await db.SaveChangesAsync(ct);
            (overdue, onTime) = (late.Number, fresh.Number);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await new CreateCallList(db, TimeProvider.System).Handle(new CreateCallList.Request("churn " + customer.Code, CallListKind.ChurnCare, today,
                [new CreateCallList.NewEntry(customer.Id, 0.82, "两张工单超期；近30天投诉2次")]), ct);
            await new CreateCallList(db, TimeProvider.System).Handle(new CreateCallList.Request("cross-sell " + customer.Code, CallListKind.CrossSell, today,
                [new CreateCallList.NewEntry(customer.Id, 0.64, "车位：同楼栋业主购买率高")]), ct);
        }

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        await page.GotoAsync($"/Customers/Details/{customer.Id}");
        var rows = page.Locator(".c360-workorders tr.work-order");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("Overdue", await rows.Filter(new() { HasText = overdue }).InnerTextAsync());
        Assert.Contains("On time", await rows.Filter(new() { HasText = onTime }).InnerTextAsync());
        Assert.Contains("两张工单超期；近30天投诉2次", await page.InnerTextAsync(".c360-models .churn"));
        Assert.Contains("82%", await page.InnerTextAsync(".c360-models .churn"));
        Assert.Contains("车位：同楼栋业主购买率高", await page.InnerTextAsync(".c360-models .offer"));
        var timeline = await page.InnerTextAsync(".c360-timeline");
        Assert.Contains(overdue, timeline);
        Assert.Contains(onTime, timeline);

        var chinese = await chromium.SignInAsync(server.BaseAddress, "demo.manager", culture: "zh-CN");
        await chinese.GotoAsync($"/Customers/Details/{customer.Id}");
        Assert.Contains("已超期", await chinese.InnerTextAsync(".c360-workorders"));
    }

    [Fact]
    public async Task A_seeded_buyer_shows_his_units_contracts_payments_and_calls()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = server.Database.CreateContext();
        // A buyer the demo data gave a paid contract and calls: what a manager's screen usually shows.
        var buyer = await db.Contracts.Where(c => db.Payments.Any(p => p.ContractId == c.Id) && db.CallRecords.Any(r => r.CustomerId == c.CustomerId))
            .OrderBy(c => c.ContractNo).Select(c => new { c.CustomerId, c.ContractNo }).FirstAsync(ct);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager", culture: "zh-CN");
        await page.GotoAsync($"/Customers/Details/{buyer.CustomerId}");
        Assert.Contains(buyer.ContractNo, await page.InnerTextAsync(".c360-contracts"));
        Assert.True(await page.Locator(".c360-units tr").CountAsync() > 1, "the contracted unit is listed");
        Assert.True(await page.Locator(".c360-calls tr").CountAsync() > 0, "the buyer's calls are listed");
        Assert.Contains("付款", await page.InnerTextAsync(".c360-timeline"));
        await Chromium.ScreenshotAsync(page, "customer-360");
    }
}
