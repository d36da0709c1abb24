using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Marketing;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class SalesCallListTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task Rep_works_todays_call_list_and_each_disposition_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        var hot = await SalesTestData.CustomerAsync(server, rep.ProjectId, "欧阳晓燕");
        var cold = await SalesTestData.CustomerAsync(server, rep.ProjectId, "司马建国");
        var hotLead = await SalesTestData.LeadAsync(server, hot.Id, rep.ProjectId, rep.Id);
        CallList list;
        await using (var db = server.Database.CreateContext("test"))
            list = (await new CreateCallList(db, TimeProvider.System).Handle(new CreateCallList.Request("今日外呼 test", CallListKind.SalesLeads, server.Time.Today,
                [new(cold.Id, 0.31, "新线索待跟进 new lead", 10), new(hot.Id, 0.82, "已到访未认购 visited, not reserved", 19, hotLead.Id)], rep.Id), ct)).List;
        var hotEntry = list.Entries.Single(e => e.CustomerId == hot.Id);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        await page.GotoAsync("/Sales/CallList");
        Assert.Contains(server.Time.Today.ToString("yyyy-MM-dd"), await page.InnerTextAsync("#list-date"));
        var entry = page.Locator($"[data-entry='{hotEntry.Id}']");
        Assert.Equal("1", (await entry.Locator(".rank").InnerTextAsync()).Trim());
        Assert.Contains("欧阳晓燕", await entry.InnerTextAsync());
        Assert.Contains("82%", await entry.Locator(".score").InnerTextAsync());
        Assert.Equal("19:00–20:00", await entry.Locator(".best-hour").InnerTextAsync());
        Assert.Contains("visited, not reserved", await entry.Locator(".reason").InnerTextAsync());
        Assert.Equal($"/Sales/Leads/{hotLead.Id}", await entry.Locator("a:text('Lead')").GetAttributeAsync("href"));
        await Chromium.ScreenshotAsync(page, "sales-call-list");

        // A call-back needs its time: refused on that field, nothing stored.
        await entry.Locator("textarea[name=notes]").FillAsync("周末带家人来看样板间");
        var refused = await page.SubmitAsync(() => entry.Locator("button[value=CallBack]").ClickAsync());
        Assert.Equal(400, refused!.Status);
        entry = page.Locator($"[data-entry='{hotEntry.Id}']");
        Assert.Contains("call-back needs the time", await entry.Locator("[data-for='next-action-at']").InnerTextAsync());
        Assert.Equal("周末带家人来看样板间", await entry.Locator("textarea[name=notes]").InputValueAsync());
        Assert.Equal(CallDisposition.NotCalled, await DispositionAsync(hotEntry.Id));

        var callBackAt = DateTime.UtcNow.AddDays(2);
        await entry.Locator("input[name=next-action-at]").FillAsync(server.Time.Input(callBackAt));
        await page.SubmitAsync(() => entry.Locator("button[value=CallBack]").ClickAsync());
        Assert.Equal("Call Back", (await page.Locator($"[data-entry='{hotEntry.Id}'] .disposition").InnerTextAsync()).Trim());
        await using (var db = server.Database.CreateContext())
        {
            var stored = await db.CallListEntries.AsNoTracking().SingleAsync(e => e.Id == hotEntry.Id, ct);
            Assert.Equal(CallDisposition.CallBack, stored.Disposition);
            Assert.Equal("周末带家人来看样板间", stored.Notes);
            Assert.InRange(stored.NextActionAt!.Value, callBackAt.AddMinutes(-1), callBackAt.AddMinutes(1));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == "web:demo.sales" && a.EntityKey.Contains(hotEntry.Id.ToString()), ct),
                "the disposition is audited under the web user");
        }

        var coldEntry = list.Entries.Single(e => e.CustomerId == cold.Id);
        await page.SubmitAsync(() => page.Locator($"[data-entry='{coldEntry.Id}'] button[value=NotInterested]").ClickAsync());
        Assert.Equal(CallDisposition.NotInterested, await DispositionAsync(coldEntry.Id));
        Assert.Contains("Called so far: 2 of 2.", await page.InnerTextAsync("#list-date"));
    }

    [Fact]
    public async Task Without_a_list_for_today_the_latest_is_shown_under_its_date_and_a_manager_picks_the_rep()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        var userName = $"sales.old.{Guid.NewGuid():N}"[..24];
        var earlier = server.Time.Today.AddDays(-3);
        await using (var db = server.Database.CreateContext("test"))
        {
            var team = await db.OrgUnits.Where(o => db.Users.Any(u => u.UserName == "demo.sales" && u.OrgUnitId == o.Id)).Select(o => o.Code).SingleAsync(ct);
            await new Operational.Features.Organisation.AddUser(db).Handle(new(userName, "钱多多", "Old-list-pass-1", [Operational.Domain.Organisation.BuiltInRoles.Sales], team), ct);
            var owner = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
            var customer = await SalesTestData.CustomerAsync(server, rep.ProjectId, "诸葛明");
            await new CreateCallList(db, TimeProvider.System).Handle(new CreateCallList.Request("旧名单 test", CallListKind.SalesLeads, earlier, [new(customer.Id, 0.5)], owner), ct);
        }

        var page = await chromium.SignInAsync(server.BaseAddress, userName, password: "Old-list-pass-1");
        await page.GotoAsync("/Sales/CallList");
        var date = await page.InnerTextAsync("#list-date");
        Assert.Contains($"No list for today ({server.Time.Today:yyyy-MM-dd}): showing the latest, of {earlier:yyyy-MM-dd}.", date);
        Assert.Contains("诸葛明", await page.InnerTextAsync(".call-list"));

        var admin = await chromium.SignInAsync(server.BaseAddress, "demo.admin");
        await admin.GotoAsync("/Sales/CallList");
        await admin.SelectOptionAsync("#rep", new SelectOptionValue { Label = $"钱多多 ({userName})" });
        await admin.SubmitAsync(() => admin.ClickAsync("form.filters button[type=submit]"));
        Assert.Contains("诸葛明", await admin.InnerTextAsync(".call-list"));

        // Someone without data.all cannot look at another rep's list by putting him in the address.
        await page.GotoAsync($"/Sales/CallList?repId={rep.Id}");
        Assert.Contains("诸葛明", await page.InnerTextAsync(".call-list"));
    }

    private async Task<CallDisposition> DispositionAsync(Guid entryId)
    {
        await using var db = server.Database.CreateContext();
        return await db.CallListEntries.Where(e => e.Id == entryId).Select(e => e.Disposition).SingleAsync(TestContext.Current.CancellationToken);
    }
}
