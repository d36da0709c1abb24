using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>/Calls/Bills: the month's call bill of crm calls bill, on screen and as CSV, for report readers and call supervisors.</summary>
[Collection(WebCollection.Name)]
public sealed class CallsBillsTests(WebServer server, Chromium chromium)
{
    // A month no seeded call falls in, so the bill holds exactly the calls written here.
    private const string Month = "2034-07";
    private const string Password = "Right-pass-2026";

    [Fact]
    public async Task A_report_reader_sees_the_months_bill_per_agent_and_department_and_downloads_it_as_csv()
    {
        var (agentNo, agentName, department) = await OutboundCallsOfTheMonthAsync();
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst", culture: "zh-CN");

        await page.GotoAsync($"/Calls/Bills?Month={Month}");
        var csv = await page.APIRequest.GetAsync($"/Calls/Bills?handler=Csv&Month={Month}");

        Assert.Equal("话费清单", (await page.InnerTextAsync("h1")).Trim());
        var agentRow = await page.InnerTextAsync($"table.bill tr:has(td:text-is('{agentNo}'))");
        Assert.Contains(agentName, agentRow);
        Assert.Contains("0.86", agentRow);
        Assert.Contains("0.86", await page.InnerTextAsync("table.bill tr.total"));
        Assert.Contains($"bill-test-{Month}-c", await page.InnerTextAsync("main"));
        await Chromium.ScreenshotAsync(page, "calls-bills");

        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "month,level,department,agent_no,agent_name,calls,talk_seconds,billed_minutes,amount_yuan",
                $"{Month},agent,{department},{agentNo},{agentName},2,126,3.10,0.86",
                $"{Month},department,{department},,,2,126,3.10,0.86",
                $"{Month},total,,,,2,126,3.10,0.86",
            ],
            lines);
    }

    [Fact]
    public async Task A_call_supervisor_sees_their_department_and_a_plain_agent_is_refused()
    {
        var (agentNo, _, department) = await OutboundCallsOfTheMonthAsync();
        var supervisor = await chromium.SignInAsync(server.BaseAddress, "demo.agent");
        var plainAgent = await chromium.SignInAsync(server.BaseAddress, await AddAgentUserAsync(), password: Password);

        var shown = await supervisor.GotoAsync($"/Calls/Bills?Month={Month}");
        var refused = await plainAgent.GotoAsync($"/Calls/Bills?Month={Month}");

        Assert.Equal(200, shown!.Status);
        Assert.Contains($"Your department only: {department}.", await supervisor.InnerTextAsync("main"));
        Assert.Contains(agentNo, await supervisor.InnerTextAsync("table.bill"));
        Assert.Equal(403, refused!.Status);
    }

    [Fact]
    public async Task A_month_that_is_not_a_month_is_named_with_status_400()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");

        var response = await page.GotoAsync("/Calls/Bills?Month=2034-13");

        Assert.Equal(400, response!.Status);
        Assert.Contains("\"2034-13\" is not a month like 2026-10.", await page.InnerTextAsync(".field-error"));
    }

    /// <summary>Two rated calls and one no tariff matches, for the demo supervisor's own agent seat, written once.</summary>
    private async Task<(string AgentNo, string AgentName, string Department)> OutboundCallsOfTheMonthAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = server.Database.CreateContext();
        var agent = await (from u in db.Users
                           where u.UserName == "demo.agent"
                           join a in db.Agents on u.Id equals a.UserId
                           join o in db.OrgUnits on u.OrgUnitId equals o.Id
                           select new { a.AgentNo, u.DisplayName, Department = o.Name }).SingleAsync(ct);
        var sink = new OperationalCdrSink(server.Database);
        foreach (var (id, callee, talk, day) in new[] { ("a", "13800138000", 61, 3), ("b", "0085223456789", 65, 4), ("c", "999", 30, 5) })
        {
            var callId = $"bill-test-{Month}-{id}";
            if (await db.CallRecords.AnyAsync(r => r.CallId == callId, ct)) continue;
            var started = new DateTimeOffset(2034, 7, day, 2, 0, 0, TimeSpan.Zero);
            await sink.WriteAsync(new CallDetail(callId, null, CallLegDirection.Outbound, "4008", callee, CallDisposition.Answered,
                started, started.AddSeconds(5 + talk), AnsweredAt: started.AddSeconds(5), AgentNo: agent.AgentNo), ct);
        }
        return (agent.AgentNo, agent.DisplayName, agent.Department);
    }

    private async Task<string> AddAgentUserAsync()
    {
        var userName = $"plain.agent.{Guid.NewGuid():N}"[..24];
        await using var db = server.Database.CreateContext();
        await new AddUser(db).Handle(new AddUser.Request(userName, userName, Password, [BuiltInRoles.Agent]), TestContext.Current.CancellationToken);
        return userName;
    }
}
