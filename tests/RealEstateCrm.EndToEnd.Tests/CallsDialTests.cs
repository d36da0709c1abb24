using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Marketing;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>The agent desktop's preview dialling API, placing real calls: the agent's phone is sipp registered with the
/// fixture's switch, and the customer is sipp behind the switch's outbound trunk.</summary>
[Collection(WebCollection.Name)]
public sealed class CallsDialTests(WebServer server, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_previewed_customer_is_dialled_through_the_trunk_and_the_agents_disposition_is_written_back()
    {
        await using var dialling = new Dialling(server);
        var skill = $"preview-{Guid.NewGuid():N}"[..16];
        var agent = await dialling.Data.AgentAsync(skill);
        var first = await dialling.CustomerAsync("预览甲");
        var (listId, entries) = await dialling.CallListAsync([first, await dialling.CustomerAsync("预览乙")]);
        await using var phone = await AgentCall.RegisterPhoneAsync(server, agent.Extension);
        await using var customer = dialling.Customer(calls: 1);
        var page = await dialling.SeatAsync(chromium, agent);
        var token = await Dialling.TokenAsync(page);

        var shown = await page.APIRequest.GetAsync($"/api/calls/next?list={listId}");
        var forged = await page.APIRequest.PostAsync("/api/calls/dial", new APIRequestContextOptions { Form = page.APIRequest.CreateFormData().Set("entryId", entries[0].ToString()) });
        var unknown = await Dialling.PostAsync(page, token, "/api/calls/dial", ("entryId", Guid.NewGuid().ToString()));
        var dialled = await Dialling.PostAsync(page, token, "/api/calls/dial", ("entryId", entries[0].ToString()));
        var callId = JsonNode.Parse(await dialled.TextAsync())?["callId"]?.GetValue<string>();
        Assert.True(dialled.Status == 202, await dialled.TextAsync());
        var awaiting = await Dialling.AwaitingAsync(page);
        Assert.True(awaiting.Count == 1, $"no answered call awaits the disposition\n--- agent's phone\n{phone.Phone.Describe()}\n--- customer\n{customer.Describe()}");
        var disposed = await Dialling.PostAsync(page, token, "/api/calls/disposition", ("callId", callId ?? ""), ("disposition", "AppointmentMade"), ("notes", "周六看房"));
        await customer.AssertSucceedsAsync();

        Assert.Equal(200, shown.Status);
        Assert.Equal(entries[0], Guid.Parse(JsonNode.Parse(await shown.TextAsync())!["entryId"]!.GetValue<string>()));
        Assert.Equal(400, forged.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal([callId!], awaiting);
        Assert.Equal(204, disposed.Status);
        Assert.Contains($"INVITE sip:{first.Phone}@", customer.MessageLog);
        await using var db = server.Database.CreateContext();
        var entry = await db.CallListEntries.SingleAsync(e => e.Id == entries[0], Ct);
        Assert.Equal((CallDisposition.AppointmentMade, "周六看房"), (entry.Disposition, entry.Notes));
        var cdr = await db.CallRecords.SingleAsync(r => r.CallId == callId, Ct);
        Assert.Equal((CallDirection.Outbound, CallOutcome.Answered, server.Telephony.IvrNumbers.First(), first.Phone, (Guid?)entries[0]),
            (cdr.Direction, cdr.Outcome, cdr.Caller, cdr.Callee, cdr.CallListEntryId));
        Assert.InRange(cdr.TalkSeconds, 1, 4);
    }

    [Fact]
    public async Task At_the_desk_the_agent_sees_the_next_customer_with_score_and_reason_skips_one_and_dials_the_next_which_pops()
    {
        await using var dialling = new Dialling(server);
        var agent = await dialling.Data.AgentAsync($"preview-{Guid.NewGuid():N}"[..16]);
        var passed = await dialling.CustomerAsync("预览丙");
        var called = await dialling.CustomerAsync("预览丁");
        var (listId, entries) = await dialling.CallListAsync([
            new CreateCallList.NewEntry(passed.Id, 0.91, "三次到访未认购", BestHour: 19), new CreateCallList.NewEntry(called.Id, 0.64, "预算与在售户型匹配")]);
        await using var phone = await AgentCall.RegisterPhoneAsync(server, agent.Extension);
        await using var customer = dialling.Customer(calls: 1);
        var page = await dialling.SeatAsync(chromium, agent, "zh-CN");

        await page.SelectOptionAsync("#preview select[name=List]", listId.ToString());
        await page.ClickAsync("#preview button[value=next]");
        var first = await (await page.WaitForSelectorAsync($"#preview .previewed[data-entry='{entries[0]}']"))!.InnerTextAsync();
        await page.ClickAsync("#preview button[value=skip]");
        var second = await (await page.WaitForSelectorAsync($"#preview .previewed[data-entry='{entries[1]}']"))!.InnerTextAsync();
        // A stale card (the skipped customer, as another tab would still show it) is refused in the agent's language.
        await page.EvalOnSelectorAsync("#preview input[name=EntryId]", $"e => e.value = '{entries[0]}'");
        await page.ClickAsync("#preview button[value=dial]");
        var stale = await (await page.WaitForSelectorAsync("#preview .error"))!.InnerTextAsync();
        await page.ClickAsync("#preview button[value=next]");
        await page.WaitForSelectorAsync($"#preview .previewed[data-entry='{entries[1]}']");
        await page.ClickAsync("#preview button[value=dial]");
        var pop = await (await page.WaitForSelectorAsync("#pop[data-dialled] #dial-disposition", new() { Timeout = 10_000 }))!.InnerTextAsync();
        await page.WaitForSelectorAsync("#dial-status[data-state=AwaitsDisposition]", new() { Timeout = 15_000 });
        await page.ClickAsync("#dial-disposition button[value=AppointmentMade]");
        await page.WaitForSelectorAsync("#dial-status[data-state=Written]");
        await page.ClickAsync("#preview button[value=next]");
        await page.WaitForSelectorAsync("#preview .nobody");
        await Chromium.ScreenshotAsync(page, "agent-desk-preview");
        await customer.AssertSucceedsAsync();

        Assert.Contains("预览丙", first);
        Assert.Contains("91%", first);
        Assert.Contains("三次到访未认购", first);
        Assert.Contains("19:00", first);
        Assert.Contains("预览丁", second);
        Assert.Equal("此客户已不是当前为您显示的客户：请显示下一位客户", stale);
        Assert.Contains("预算与在售户型匹配", pop);
        Assert.Contains($"INVITE sip:{called.Phone}@", customer.MessageLog);
        Assert.DoesNotContain(passed.Phone!, customer.MessageLog);
        await using var db = server.Database.CreateContext();
        Assert.Equal([CallDisposition.NotCalled, CallDisposition.AppointmentMade],
            await db.CallListEntries.Where(e => e.CallListId == listId).OrderBy(e => e.Rank).Select(e => e.Disposition).ToListAsync(Ct));
    }

    [Fact]
    public async Task Roles_without_calls_are_refused_and_anonymous_asked_to_sign_in()
    {
        await using var dialling = new Dialling(server);
        var (listId, _) = await dialling.CallListAsync([await dialling.CustomerAsync("拒绝甲")]);
        var analyst = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal(403, (await analyst.APIRequest.GetAsync($"/api/calls/next?list={listId}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/calls/next?list={listId}", Ct)).StatusCode);
    }
}
