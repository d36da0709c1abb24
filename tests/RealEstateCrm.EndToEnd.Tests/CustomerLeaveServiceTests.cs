using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class CustomerLeaveServiceTests(WebServer server, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A seeded owner (a unit handed over to him) still in the property service, skipping <paramref name="skip"/>
    /// of them so two tests never pick the same one.</summary>
    private async Task<Customer> OwnerAsync(int skip)
    {
        await using var db = server.Database.CreateContext();
        return await db.Customers.AsNoTracking()
            .Where(c => c.MergedIntoId == null
                        && db.Contracts.Any(k => k.CustomerId == c.Id && k.Status == ContractStatus.HandedOver)
                        && !db.CustomerTags.Any(t => t.CustomerId == c.Id && t.Tag == LeavePropertyService.Tag))
            .OrderBy(c => c.Code).Skip(skip).FirstAsync(Ct);
    }

    [Fact]
    public async Task Service_staff_record_an_owner_leaving_with_day_and_reason_and_the_customer_page_shows_it()
    {
        var owner = await OwnerAsync(0);
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service", culture: "zh-CN");
        await page.GotoAsync($"/Customers/Details/{owner.Id}");
        Assert.Contains("业主退出物业服务", await page.InnerTextAsync("#leave-service h2"));

        // No day, then a day still to come: each refused at its field, in Chinese, and nothing is written.
        await page.FillAsync("#leave-service input[name=date]", "");
        var noDay = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#leave-service button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(400, noDay.Status);
        Assert.Equal("请填写退出日期。", (await page.InnerTextAsync("#leave-service [data-field=date]")).Trim());
        var tomorrow = server.Time.Today.AddDays(1).ToString("yyyy-MM-dd");
        await page.FillAsync("#leave-service input[name=date]", tomorrow);
        await page.FillAsync("#leave-service textarea[name=reason]", "业委会改聘其他物业公司");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#leave-service button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Equal("不能晚于今天", (await page.InnerTextAsync("#leave-service [data-field=date]")).Trim());
        Assert.Equal("业委会改聘其他物业公司", await page.InputValueAsync("#leave-service textarea[name=reason]"));

        var day = server.Time.Today.AddDays(-3);
        await page.FillAsync("#leave-service input[name=date]", day.ToString("yyyy-MM-dd"));
        await page.SelectOptionAsync("#leave-service select[name=channel]", "WalkIn");
        await page.ClickAsync("#leave-service button[type=submit]");
        await page.ArriveAtAsync($"/Customers/Details/{owner.Id}$");

        Assert.Contains(day.ToString("yyyy-MM-dd"), await page.InnerTextAsync(".c360-profile .left-service"));
        var timeline = await page.InnerTextAsync(".c360-timeline");
        Assert.Contains("退出物业服务", timeline);
        Assert.Contains("业委会改聘其他物业公司", timeline);
        Assert.Equal(0, await page.Locator("#leave-service").CountAsync());
        await Chromium.ScreenshotAsync(page, "customer-left-property-service");

        await using var db = server.Database.CreateContext();
        var tag = await db.CustomerTags.SingleAsync(t => t.CustomerId == owner.Id && t.Tag == LeavePropertyService.Tag, Ct);
        Assert.Equal(server.Time.StartOfDayUtc(day), LeavePropertyService.LeftAt(tag));
        var told = await db.ReceptionRecords.Where(r => r.CustomerId == owner.Id).OrderByDescending(r => r.ReceivedAt).FirstAsync(Ct);
        Assert.Equal(("业委会改聘其他物业公司", ReceptionChannel.WalkIn), (told.Summary, told.Channel));
        Assert.Equal("web:demo.service", (await db.AuditEntries.SingleAsync(a => a.Entity == nameof(CustomerTag) && a.EntityKey == tag.Id.ToString(), Ct)).UserName);
    }

    [Fact]
    public async Task An_agent_sees_no_leaving_form_and_is_refused_the_post()
    {
        var owner = await OwnerAsync(1);
        var agent = await chromium.SignInAsync(server.BaseAddress, "demo.agent");
        var shown = await agent.GotoAsync($"/Customers/Details/{owner.Id}");
        Assert.Equal(200, shown!.Status);
        Assert.Equal(0, await agent.Locator("#leave-service").CountAsync());

        // A valid anti-forgery token, so the refusal is the role's and not the token's.
        await agent.GotoAsync("/Account/SignIn");
        var token = await Dialling.TokenAsync(agent);
        var refused = await Dialling.PostAsync(agent, token, $"/Customers/LeaveService/{owner.Id}",
            ("date", server.Time.Today.ToString("yyyy-MM-dd")), ("reason", "自行管理"), ("channel", "Phone"));

        Assert.Equal(403, refused.Status);
        await using var db = server.Database.CreateContext();
        Assert.False(await db.CustomerTags.AnyAsync(t => t.CustomerId == owner.Id && t.Tag == LeavePropertyService.Tag, Ct));
    }
}
