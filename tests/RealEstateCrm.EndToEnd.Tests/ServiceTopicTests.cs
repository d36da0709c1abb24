using Microsoft.EntityFrameworkCore;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class ServiceTopicTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task A_new_complaint_topic_gathers_a_work_order_and_lets_it_go_again()
    {
        var order = await ServiceWork.OpenAsync(server, "外墙渗水 topic");
        string project;
        await using (var db = server.Database.CreateContext())
            project = await db.Projects.Where(p => p.Id == order.ProjectId).Select(p => p.Name).SingleAsync(TestContext.Current.CancellationToken);
        var title = $"{project}外墙渗水 {Guid.NewGuid():N}"[..30];
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");

        await page.GotoAsync("/Service/Topics");
        await page.ClickAsync("#create-topic button[type=submit]");
        Assert.Equal("is required", await page.InnerTextAsync("#create-topic [data-field=title]"));
        await page.FillAsync("#create-topic input[name=title]", title);
        await page.SelectOptionAsync("#create-topic select[name=project]", order.ProjectId.ToString()!);
        await page.ClickAsync("#create-topic button[type=submit]");
        await page.ArriveAtAsync("/Service/Topics/[0-9a-f-]{36}$");
        Assert.Equal(title, await page.InnerTextAsync("h1"));
        Assert.Equal("0", await page.InnerTextAsync("#order-count"));

        await page.GotoAsync($"/Service/WorkOrders/{order.Id}");
        await page.SelectOptionAsync("#topic select[name=topic]", new Microsoft.Playwright.SelectOptionValue { Label = title });
        await page.ClickAsync("#topic button[type=submit]");
        await page.ClickAsync("#order-topic a");
        Assert.Equal("1", await page.InnerTextAsync("#order-count"));
        Assert.Equal(1, await page.Locator($"#topic-orders tr[data-number='{order.Number}']").CountAsync());

        await page.GotoAsync($"/Service/WorkOrders/{order.Id}");
        await page.ClickAsync("#topic button[type=submit]");
        Assert.Equal("None", (await page.InnerTextAsync("#order-topic")).Trim());
        await using var check = server.Database.CreateContext();
        Assert.Null((await check.WorkOrders.SingleAsync(w => w.Id == order.Id, TestContext.Current.CancellationToken)).ComplaintTopicId);
    }
}
