using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class ServiceWorkOrderTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task A_work_order_goes_from_open_to_closed_in_the_browser_and_the_board_follows_it()
    {
        var order = await ServiceWork.OpenAsync(server, "主卧窗户漏风 life");
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");

        await page.GotoAsync("/Service/Board");
        await Chromium.ScreenshotAsync(page, "service-board");
        await page.GotoAsync($"/Service/Board?Number={order.Number}");
        Assert.Equal("Open", await StatusOnBoard(page, order.Number));
        await page.ClickAsync($"tr[data-number='{order.Number}'] a");
        await page.ArriveAtAsync($"/Service/WorkOrders/{order.Id}$");

        await page.SelectOptionAsync("#dispatch select[name=department]", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("#dispatch button[type=submit]");
        Assert.Equal("Dispatched", await page.InnerTextAsync("#status"));
        await page.ClickAsync("#start button[type=submit]");
        Assert.Equal("In Progress", await page.InnerTextAsync("#status"));
        await page.FillAsync("#reply textarea[name=text]", "师傅明天上午九点上门");
        await page.ClickAsync("#reply button[type=submit]");
        await page.FillAsync("#resolve textarea[name=resolution]", "更换窗户密封条");
        await page.ClickAsync("#resolve button[type=submit]");
        Assert.Equal("Resolved", await page.InnerTextAsync("#status"));
        Assert.Equal("Met SLA", (await page.InnerTextAsync("#details .sla")).Trim());
        await page.ClickAsync("#close button[type=submit]");
        Assert.Equal("Closed", await page.InnerTextAsync("#status"));
        await Chromium.ScreenshotAsync(page, "service-work-order");
        Assert.Equal(["Opened", "Dispatched", "Started", "Replied", "Resolved", "Closed"],
            await page.Locator("#history .steps li .badge").AllInnerTextsAsync());

        await page.GotoAsync($"/Service/Board?Number={order.Number}");
        Assert.Equal(0, await page.Locator($"tr[data-number='{order.Number}']").CountAsync());
        await page.GotoAsync($"/Service/Board?Status=Closed&Number={order.Number}");
        Assert.Equal("Closed", await StatusOnBoard(page, order.Number));

        await using var db = server.Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var stored = await db.WorkOrders.SingleAsync(w => w.Id == order.Id, ct);
        Assert.Equal(WorkOrderStatus.Closed, stored.Status);
        Assert.Equal("更换窗户密封条", stored.Resolution);
        Assert.All(await db.WorkOrderEvents.Where(e => e.WorkOrderId == order.Id && e.Kind != WorkOrderEventKind.Opened).ToListAsync(ct),
            e => Assert.Equal("web:demo.service", e.ByUser));
        Assert.True(await db.OutgoingMessages.AnyAsync(m => m.CustomerId == order.CustomerId && m.Body.Contains(order.Number), ct), "the reply went out as an SMS");
    }

    [Fact]
    public async Task Work_order_times_are_shown_in_the_business_time_zone_not_the_servers()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await ServiceWork.OpenAsync(server, "阳台排水慢 zone");
        // 20:30 UTC on 30 November is already 1 December, 04:30, in Shanghai: the day and the hour both differ.
        var opened = new DateTime(2026, 11, 30, 20, 30, 0, DateTimeKind.Utc);
        await using (var db = server.Database.CreateContext("test"))
            await db.WorkOrders.Where(w => w.Id == order.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.OpenedAt, opened).SetProperty(w => w.DueAt, opened.AddHours(48)), ct);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");
        await page.GotoAsync($"/Service/WorkOrders/{order.Id}");
        Assert.Equal("Asia/Shanghai", server.Time.Zone.Id);
        Assert.Equal("2026-12-01 04:30", (await page.InnerTextAsync("#opened-at")).Trim());
        Assert.Equal("Due 2026-12-03 04:30", (await page.InnerTextAsync("#due-at")).Trim());
        // The server process's own zone plays no part: it would have shown another time whenever it differs.
        if (TimeZoneInfo.Local.GetUtcOffset(opened) != server.Time.Zone.GetUtcOffset(opened))
            Assert.NotEqual(opened.ToLocalTime().ToString("yyyy-MM-dd HH:mm"), (await page.InnerTextAsync("#opened-at")).Trim());
    }

    [Fact]
    public async Task A_supervisor_escalates_an_order_by_hand_with_a_reason_and_the_board_shows_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await ServiceWork.OpenAsync(server, "楼上漏水业主要找媒体 escalate");
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");
        await page.GotoAsync($"/Service/WorkOrders/{order.Id}");

        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#escalate button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Equal("is required", await page.InnerTextAsync("#escalate [data-field=reason]"));

        await page.FillAsync("#escalate textarea[name=reason]", "业主扬言投诉到电视台");
        await page.ClickAsync("#escalate button[type=submit]");
        await page.ArriveAtAsync($"/Service/WorkOrders/{order.Id}$");
        Assert.Contains("Escalated By Hand", await page.Locator("#history .steps li .badge").AllInnerTextsAsync());
        Assert.Contains("业主扬言投诉到电视台", await page.InnerTextAsync("#history"));
        await using (var db = server.Database.CreateContext())
            Assert.Equal(1, (await db.WorkOrders.SingleAsync(w => w.Id == order.Id, ct)).EscalationLevel);

        await page.GotoAsync($"/Service/Board?Number={order.Number}");
        var cell = page.Locator($"tr[data-number='{order.Number}'] .escalation");
        Assert.Contains("Level 1", await cell.InnerTextAsync());
        Assert.Equal("业主扬言投诉到电视台", await cell.Locator(".by-hand").GetAttributeAsync("title"));
        await Chromium.ScreenshotAsync(page, "service-board-escalated-by-hand");
    }

    [Fact]
    public async Task A_refused_action_names_its_field_and_changes_nothing()
    {
        var order = await ServiceWork.OpenAsync(server, "厨房水管滴水 refused");
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");
        await page.GotoAsync($"/Service/WorkOrders/{order.Id}");

        await page.FillAsync("#resolve textarea[name=resolution]", "   ");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#resolve button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        Assert.Equal("is required", await page.InnerTextAsync("#resolve [data-field=resolution]"));

        await page.SelectOptionAsync("#dispatch select[name=department]", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#dispatch select[name=contractor]", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("#dispatch button[type=submit]");
        Assert.Equal("give either a department or a contractor", await page.InnerTextAsync("#dispatch [data-field=department]"));

        await page.FillAsync("#compensate input[name=amount]", "0");
        await page.ClickAsync("#compensate button[type=submit]");
        Assert.Equal("must be more than 0 and at most 10,000,000 yuan", await page.InnerTextAsync("#compensate [data-field=amount]"));

        await page.FillAsync("#charge-back input[name=amount]", "300");
        await page.ClickAsync("#charge-back button[type=submit]");
        Assert.Contains("was not dispatched to a contractor", await page.InnerTextAsync("#charge-back [data-field=charge-back]"));
        Assert.Equal("Open", await page.InnerTextAsync("#status"));
        Assert.Equal(0, await page.Locator("#close").CountAsync());

        await using var db = server.Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(WorkOrderStatus.Open, (await db.WorkOrders.SingleAsync(w => w.Id == order.Id, ct)).Status);
        Assert.Equal(1, await db.WorkOrderEvents.CountAsync(e => e.WorkOrderId == order.Id, ct));
    }

    [Fact]
    public async Task The_sla_countdown_shows_an_overdue_order_in_red_and_keeps_counting()
    {
        var order = await ServiceWork.OpenAsync(server, "地下车库积水 overdue");
        await using (var db = server.Database.CreateContext())
        {
            // The water-leak category allows 72 h; this one was due three hours ago.
            var dueAt = DateTime.UtcNow.AddHours(-3);
            await db.WorkOrders.Where(w => w.Id == order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, dueAt).SetProperty(w => w.OpenedAt, dueAt.AddHours(-72)), TestContext.Current.CancellationToken);
        }
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        await page.GotoAsync($"/Service/Board?Overdue=true&Number={order.Number}");

        var sla = page.Locator($"tr[data-number='{order.Number}'] .sla");
        Assert.True(await HasClass(sla, "bad"), "an overdue order's badge is red");
        Assert.StartsWith("Overdue by 3 h", await sla.InnerTextAsync());

        // The script counts on its own: moved 90 s into the future, the same badge turns amber (past its warn time) and counts down.
        await sla.EvaluateAsync("el => el.dataset.due = new Date(Date.now() + 90000).toISOString()");
        await page.WaitForFunctionAsync("el => el.textContent.endsWith(' left')", await sla.ElementHandleAsync());
        Assert.Matches(@"^1 m \d+ s left$", await sla.InnerTextAsync());
        Assert.True(await HasClass(sla, "warn"), "past its warn time the badge is amber");
        Assert.False(await HasClass(sla, "bad"), "no longer overdue, no longer red");
        Assert.Equal(0, await page.Locator("#board-filters ~ .board-actions").CountAsync());
    }

    [Fact]
    public async Task The_board_reads_in_Chinese_at_tablet_width_without_the_page_scrolling_sideways()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service", culture: "zh-CN");
        await page.SetViewportSizeAsync(768, 1024);
        await page.GotoAsync("/Service/Board?Status=all");
        Assert.Equal("工单看板", (await page.InnerTextAsync("h1")).Trim());
        Assert.True(await page.Locator("#work-orders tbody tr").CountAsync() > 0, "the tiny seed has work orders");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 768"), "wide tables scroll inside their card");
        await Chromium.ScreenshotAsync(page, "service-board-768-zh");
    }

    [Fact]
    public async Task A_role_without_service_read_is_refused_the_board()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        var response = await page.GotoAsync("/Service/Board");
        Assert.Equal(403, response!.Status);
        Assert.Contains("/Account/Denied", page.Url);
        Assert.DoesNotContain("/Service/Board", await page.InnerHTMLAsync("header"));
    }

    private static Task<bool> HasClass(ILocator element, string name) =>
        element.EvaluateAsync<bool>("(el, name) => el.classList.contains(name)", name);

    private static async Task<string> StatusOnBoard(IPage page, string number) =>
        await page.InnerTextAsync($"tr[data-number='{number}'] .status");
}
