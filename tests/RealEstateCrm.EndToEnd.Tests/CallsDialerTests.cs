using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Host.Web.Calls;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Features.Marketing;
using AgentState = RealEstateCrm.Telephony.CallCenter.AgentState;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>/Calls/Dialer: progressive runs started and stopped by a supervisor, dialled by the server for the idle
/// agents (sipp phones registered with the fixture's switch) to the sipp customer behind its outbound trunk.</summary>
[Collection(WebCollection.Name)]
public sealed partial class CallsDialerTests(WebServer server, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_progressive_run_dials_one_customer_per_idle_agent_skips_do_not_call_and_writes_the_dispositions()
    {
        await using var dialling = new Dialling(server);
        var skill = $"outbound-{Guid.NewGuid():N}"[..17];
        var agents = new[] { await dialling.Data.AgentAsync(skill), await dialling.Data.AgentAsync(skill) };
        var customers = new[]
        {
            await dialling.CustomerAsync("勿扰甲"), await dialling.CustomerAsync("外呼乙"), await dialling.CustomerAsync("外呼丙"),
            await dialling.CustomerAsync("外呼丁"), await dialling.CustomerAsync("外呼戊"),
        };
        var (listId, entries) = await dialling.CallListAsync(customers);
        // Do-not-call ranks first: a dialler that ignored the flag would call him before anyone.
        await dialling.DoNotCallAsync(customers[0]);
        await using var phone1 = await AgentCall.RegisterPhoneAsync(server, agents[0].Extension);
        await using var phone2 = await AgentCall.RegisterPhoneAsync(server, agents[1].Extension);
        await using var customer = dialling.Customer(calls: 2);
        var agentPages = new[] { await dialling.SeatAsync(chromium, agents[0]), await dialling.SeatAsync(chromium, agents[1]) };
        var supervisor = await chromium.SignInAsync(server.BaseAddress, "demo.manager", culture: "zh-CN");

        await supervisor.GotoAsync("/Calls/Dialer");
        await supervisor.SelectOptionAsync("#start-run select[name=List]", listId.ToString());
        await supervisor.SelectOptionAsync("#start-run select[name=Skill]", skill);
        await supervisor.ClickAsync("#start-run button[type=submit]");
        var runId = await RunOnAsync(listId);
        await customer.AssertSucceedsAsync();
        var answered = await CallsAsync(runId, DialerCallOutcome.Answered, count: 2);
        // Three more pacing rounds: both agents owe a disposition, so nobody may be dialled.
        await Task.Delay(ProgressiveDialing.Interval * 3, Ct);
        await supervisor.GotoAsync("/Calls/Dialer");
        var row = supervisor.Locator($"tr[data-run='{runId}']");
        var figures = await FiguresAsync(row);
        await Chromium.ScreenshotAsync(supervisor, "calls-dialer");
        await row.Locator("button[type=submit]").ClickAsync();
        var dispositions = new List<int>();
        foreach (var page in agentPages)
        {
            var token = await Dialling.TokenAsync(page);
            foreach (var callId in await Dialling.AwaitingAsync(page))
                dispositions.Add((await Dialling.PostAsync(page, token, "/api/calls/disposition", ("callId", callId), ("disposition", "Interested"))).Status);
        }

        Assert.Equal("自动外呼", (await supervisor.InnerTextAsync("h1")).Trim());
        Assert.Equal(2, answered.Count);
        Assert.Equal(agents.Select(a => a.AgentNo).Order(), answered.Select(c => c.AgentNo).Order());
        Assert.Equal(new HashSet<Guid> { entries[1], entries[2] }, answered.Select(c => c.CallListEntryId).ToHashSet());
        Assert.Equal(2, Invites().Matches(customer.MessageLog).Count);
        Assert.DoesNotContain(customers[0].Phone!, customer.MessageLog);
        Assert.Equal(new Dictionary<string, string> { ["remaining"] = "2", ["inProgress"] = "0", ["answered"] = "2", ["noAnswer"] = "0", ["skippedDoNotCall"] = "1" },
            figures.Where(f => f.Key is "remaining" or "inProgress" or "answered" or "noAnswer" or "skippedDoNotCall").ToDictionary());
        Assert.Equal([204, 204], dispositions);
        await using var db = server.Database.CreateContext();
        var written = await db.CallListEntries.Where(e => e.CallListId == listId).OrderBy(e => e.Rank).Select(e => e.Disposition).ToListAsync(Ct);
        Assert.Equal([CallDisposition.NotCalled, CallDisposition.Interested, CallDisposition.Interested, CallDisposition.NotCalled, CallDisposition.NotCalled], written);
        var cdrs = await db.CallRecords.Where(r => r.CallListEntryId == entries[1] || r.CallListEntryId == entries[2]).ToListAsync(Ct);
        Assert.Equal(answered.Select(c => c.CallId).Order(), cdrs.Select(c => c.CallId).Order());
        Assert.All(cdrs, c => Assert.Equal((CallDirection.Outbound, CallOutcome.Answered), (c.Direction, c.Outcome)));
        var run = await db.DialerRuns.SingleAsync(r => r.Id == runId, Ct);
        Assert.NotNull(run.StoppedAt);
        var audit = await db.AuditEntries.Where(a => a.Entity == nameof(DialerRun) && a.EntityKey == runId.ToString()).OrderBy(a => a.Id).Select(a => new { a.Operation, a.UserName }).ToListAsync(Ct);
        Assert.Equal([("insert", "web:demo.manager"), ("update", "web:demo.manager")], audit.Select(a => (a.Operation, a.UserName)));
    }

    [Fact]
    public async Task A_dialled_customer_pops_on_the_agents_desk_where_one_click_writes_the_disposition_to_the_entry_its_lead_and_the_run()
    {
        await using var dialling = new Dialling(server);
        var skill = $"desk-{Guid.NewGuid():N}"[..14];
        var agent = await dialling.Data.AgentAsync(skill);
        var person = await dialling.CustomerAsync("外呼己");
        var leadId = await dialling.LeadAsync(person);
        var (listId, entries) = await dialling.CallListAsync([new CreateCallList.NewEntry(person.Id, 0.87, "近期多次浏览三居室", LeadId: leadId)]);
        await using var phone = await AgentCall.RegisterPhoneAsync(server, agent.Extension);
        await using var customer = dialling.Customer(calls: 1);
        var page = await dialling.SeatAsync(chromium, agent);
        var nextAction = server.Time.Now.Date.AddDays(1).AddHours(10);

        var runId = await dialling.StartRunAsync(listId, skill);
        var pop = await page.WaitForSelectorAsync("#pop[data-dialled] #dial-disposition", new() { Timeout = 10_000 });
        var popText = await page.InnerTextAsync("#pop");
        var statusAtPop = await page.GetAttributeAsync("#dial-status", "data-state");
        // The customer talks for 2 s: a click this early is refused, and the call goes on waiting for its disposition.
        var early = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#dial-disposition button[value=Interested]"), r => r.Request.Method == "POST");
        var earlyError = await page.InnerTextAsync("#dial-disposition [data-field=disposition]");
        await page.WaitForSelectorAsync("#dial-status[data-state=AwaitsDisposition]", new() { Timeout = 15_000 });
        await page.FillAsync("#dial-disposition textarea[name=Notes]", "周末带家人看房");
        await page.FillAsync("#dial-disposition input[name=NextActionAt]", nextAction.ToString("yyyy-MM-ddTHH:mm"));
        var given = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#dial-disposition button[value=Interested]"), r => r.Request.Method == "POST");
        await page.WaitForSelectorAsync("#dial-status[data-state=Written]");
        await Chromium.ScreenshotAsync(page, "agent-desk-dialled-call");
        var awaiting = await Dialling.AwaitingAsync(page, count: 0);
        var admin = await chromium.SignInAsync(server.BaseAddress, "demo.admin");
        await admin.GotoAsync($"/Sales/Leads/{leadId}");
        var timeline = await admin.InnerTextAsync("main");

        Assert.NotNull(pop);
        Assert.Contains("外呼己", popText);
        Assert.Contains("近期多次浏览三居室", popText);
        Assert.Contains("87%", popText);
        Assert.Equal("OnTheLine", statusAtPop);
        Assert.Equal(400, early.Status);
        Assert.Contains("still on", earlyError);
        Assert.Equal(200, given.Status);
        Assert.Empty(awaiting);
        Assert.Contains("Call list: Interested · 周末带家人看房", timeline);
        await using var read = server.Database.CreateContext();
        var entry = await read.CallListEntries.SingleAsync(e => e.Id == entries[0], Ct);
        Assert.Equal((CallDisposition.Interested, "周末带家人看房", (DateTime?)server.Time.FromLocal(nextAction)), (entry.Disposition, entry.Notes, entry.NextActionAt));
        var call = await read.DialerCalls.SingleAsync(c => c.DialerRunId == runId, Ct);
        Assert.Equal((entries[0], DialerCallOutcome.Answered, agent.AgentNo), (call.CallListEntryId, call.Outcome, call.AgentNo));
        Assert.True(entry.DispositionAt >= call.PlacedAt, "the entry's disposition is the run call's");
        Assert.DoesNotContain(entries[0], await ProgressiveCallList.HeldEntries(read, listId).ToListAsync(Ct));
        var cdr = await read.CallRecords.SingleAsync(r => r.CallId == call.CallId, Ct);
        Assert.Equal((CallDirection.Outbound, CallOutcome.Answered, (Guid?)entries[0]), (cdr.Direction, cdr.Outcome, cdr.CallListEntryId));
    }

    [Fact]
    public async Task A_run_whose_list_has_nothing_left_to_dial_completes_by_itself_audited_as_the_server_and_shown_so()
    {
        await using var dialling = new Dialling(server);
        var customers = new[] { await dialling.CustomerAsync("勿扰己"), await dialling.CustomerAsync("勿扰庚") };
        var (listId, _) = await dialling.CallListAsync(customers);
        foreach (var customer in customers) await dialling.DoNotCallAsync(customer);
        var supervisor = await chromium.SignInAsync(server.BaseAddress, "demo.manager");

        await supervisor.GotoAsync("/Calls/Dialer");
        await supervisor.SelectOptionAsync("#start-run select[name=List]", listId.ToString());
        await supervisor.SelectOptionAsync("#start-run select[name=Skill]", "sales");
        await supervisor.ClickAsync("#start-run button[type=submit]");
        var runId = await RunOnAsync(listId);
        // Nobody presses anything: the page's figures script reloads it once the run has completed.
        var badge = await supervisor.WaitForSelectorAsync($"tr[data-run='{runId}'] [data-status=completed]", new() { Timeout = 10_000 });
        var figures = await FiguresAsync(supervisor.Locator($"tr[data-run='{runId}']"));

        Assert.Contains("nothing left to dial", await badge!.InnerTextAsync());
        Assert.Equal(0, await supervisor.Locator($"tr[data-run='{runId}'] button[type=submit]").CountAsync());
        Assert.Equal(("0", "2"), (figures["remaining"], figures["skippedDoNotCall"]));
        await using var db = server.Database.CreateContext();
        var run = await db.DialerRuns.SingleAsync(r => r.Id == runId, Ct);
        Assert.NotNull(run.StoppedAt);
        Assert.Null(run.StoppedByUserId);
        Assert.Empty(await db.DialerCalls.Where(c => c.DialerRunId == runId).ToListAsync(Ct));
        var audit = await db.AuditEntries.Where(a => a.Entity == nameof(DialerRun) && a.EntityKey == runId.ToString()).OrderBy(a => a.Id).Select(a => new { a.Operation, a.UserName }).ToListAsync(Ct);
        Assert.Equal([("insert", "web:demo.manager"), ("update", "telephony")], audit.Select(a => (a.Operation, a.UserName)));
    }

    [Fact]
    public async Task The_next_call_follows_an_agent_becoming_idle_at_once_not_at_the_next_pacing_tick()
    {
        await using var dialling = new Dialling(server);
        var skill = $"pace-{Guid.NewGuid():N}"[..14];
        var agent = await dialling.Data.AgentAsync(skill);
        var (listId, entries) = await dialling.CallListAsync([await dialling.CustomerAsync("忙线甲"), await dialling.CustomerAsync("忙线乙"), await dialling.CustomerAsync("忙线丙")]);
        await using var phone = await AgentCall.RegisterPhoneAsync(server, agent.Extension, calls: 3);
        await using var customer = dialling.BusyCustomer(calls: 3);
        var page = await dialling.SeatAsync(chromium, agent);
        // Paused on the switch itself: the seat card the page refreshes every 3 s could swap out a typed pause reason.
        server.CallCenter.Distributor.Pause(agent.AgentNo, "培训");
        await page.WaitForSelectorAsync("#seat[data-state=Paused] button[value=resume]", new() { Timeout = 10_000 });

        var runId = await dialling.StartRunAsync(listId, skill);
        await Task.Delay(ProgressiveDialing.Interval * 2, Ct);
        var whilePaused = await CallsAsync(runId);
        await page.ClickAsync("#seat button[value=resume]");
        var calls = await CallsAsync(runId, DialerCallOutcome.Busy, count: 3);

        Assert.Empty(whilePaused);
        Assert.True(calls.Count == 3 && calls.All(c => c.Outcome == DialerCallOutcome.Busy),
            $"calls: {string.Join(", ", calls.Select(c => $"{c.PlacedAt:HH:mm:ss.fff} {c.Outcome}"))}\n--- agent's phone\n{phone.Phone.Describe()}");
        Assert.Equal(entries, calls.OrderBy(c => c.PlacedAt).Select(c => c.CallListEntryId));
        await customer.AssertSucceedsAsync();
        // Each call went out after the agent became idle (unpaused, then each busy call's end) well within a pacing tick.
        // At once is 10-30 ms, once 335 ms with the whole suite on two cores; at the next tick the three waits would spread
        // over the 1 s interval (all under half of it, two of them under 100 ms: about 1 chance in 80).
        var becameIdle = server.CallCenter.Distributor.Agent(agent.AgentNo).History.Where(h => h.To == AgentState.Idle).Select(h => h.At.UtcDateTime).ToList();
        var waits = calls.OrderBy(c => c.PlacedAt).Select(c => c.PlacedAt - becameIdle.Last(at => at <= c.PlacedAt)).ToList();
        Assert.True(waits.All(w => w < ProgressiveDialing.Interval / 2) && waits.Count(w => w < TimeSpan.FromMilliseconds(100)) >= 2,
            "from idle to dialled: " + string.Join(", ", waits.Select(w => $"{w.TotalMilliseconds:F0} ms")));
        await using var db = server.Database.CreateContext();
        Assert.Null((await db.DialerRuns.SingleAsync(r => r.Id == runId, Ct)).StoppedByUserId);
    }

    [Fact]
    public async Task A_call_the_server_was_stopped_in_the_middle_of_is_never_dialled_again_by_a_run_until_a_person_gives_its_disposition()
    {
        await using var dialling = new Dialling(server);
        var (listId, entries) = await dialling.CallListAsync([await dialling.CustomerAsync("中断甲"), await dialling.CustomerAsync("中断乙")]);
        var clock = TimeProvider.System;
        await using (var db = server.Database.CreateContext())
        {
            var manager = await db.Users.SingleAsync(u => u.UserName == "demo.manager", Ct);
            var run = await new StartDialerRun(db, clock).Handle(new StartDialerRun.Request(listId, "sales", manager.Id), Ct);
            // The run dialled the first entry, then the server stopped before the call's outcome came; the run is stopped
            // here so the fixture's own pacing leaves the list alone.
            await new RecordDialerCalls(db).Handle(new RecordDialerCalls.Request(run.Id, [new(entries[0], $"dial-test-{Guid.NewGuid():N}", "A0001", clock.GetUtcNow().UtcDateTime)]), Ct);
            await new StopDialerRun(db, clock).Handle(new StopDialerRun.Request(run.Id, manager.Id), Ct);
        }
        var list = new ProgressiveCallList(server.Database, clock);

        int interrupted;
        await using (var db = server.Database.CreateContext())
            interrupted = await new InterruptDialerCalls(db, clock).Handle(Ct);
        var afterRestart = (await list.PendingAsync(listId, Ct)).Select(t => t.EntryId);
        await using (var db = server.Database.CreateContext())
            await new RecordCallDisposition(db, clock).Handle(new RecordCallDisposition.Request(entries[0], CallDisposition.CallBack, "客户说稍后再打", DateTime.UtcNow.AddMilliseconds(300)), Ct);
        await Task.Delay(400, Ct);
        var afterCallBackCameDue = (await list.PendingAsync(listId, Ct)).Select(t => t.EntryId);

        Assert.True(interrupted >= 1);
        Assert.Equal([entries[1]], afterRestart);
        Assert.Equal([entries[0], entries[1]], afterCallBackCameDue);
        await using var read = server.Database.CreateContext();
        Assert.Equal(DialerCallOutcome.Interrupted, (await read.DialerCalls.SingleAsync(c => c.CallListEntryId == entries[0], Ct)).Outcome);
    }

    [Fact]
    public async Task Only_supervisors_may_run_the_dialler_and_a_second_run_on_the_same_list_is_refused_at_the_list()
    {
        await using var dialling = new Dialling(server);
        var (listId, _) = await dialling.CallListAsync([await dialling.CustomerAsync("双开甲")]);
        var agent = await dialling.Data.AgentAsync("sales");
        var supervisor = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        var plainAgent = await chromium.SignInAsync(server.BaseAddress, agent.UserName, password: AgentTestData.Password);

        var refused = await plainAgent.GotoAsync("/Calls/Dialer");
        await supervisor.GotoAsync("/Calls/Dialer");
        // Skill "sales" has no idle agent here with a phone, and the run is stopped at once: nothing is dialled.
        await supervisor.SelectOptionAsync("#start-run select[name=List]", listId.ToString());
        await supervisor.SelectOptionAsync("#start-run select[name=Skill]", "sales");
        await supervisor.ClickAsync("#start-run button[type=submit]");
        var runId = await RunOnAsync(listId);
        await supervisor.SelectOptionAsync("#start-run select[name=List]", listId.ToString());
        await supervisor.SelectOptionAsync("#start-run select[name=Skill]", "sales");
        var second = await supervisor.RunAndWaitForResponseAsync(() => supervisor.ClickAsync("#start-run button[type=submit]"), r => r.Request.Method == "POST");
        var listError = await supervisor.InnerTextAsync("#start-run [data-for=list]");
        await supervisor.Locator($"tr[data-run='{runId}'] button[type=submit]").ClickAsync();

        Assert.Equal(403, refused!.Status);
        Assert.DoesNotContain("Progressive dialling", await plainAgent.InnerTextAsync("nav"));
        Assert.Contains("Progressive dialling", await supervisor.InnerTextAsync("nav"));
        Assert.Equal(400, second.Status);
        Assert.Contains("already dialling", listError);
        await using var db = server.Database.CreateContext();
        Assert.Equal(1, await db.DialerRuns.CountAsync(r => r.CallListId == listId, Ct));
        Assert.NotNull((await db.DialerRuns.SingleAsync(r => r.Id == runId, Ct)).StoppedAt);
    }

    private async Task<Guid> RunOnAsync(Guid listId)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            await using var db = server.Database.CreateContext();
            if (await db.DialerRuns.Where(r => r.CallListId == listId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(Ct) is { } id) return id;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"no run was started on list {listId}");
    }

    private async Task<List<DialerCall>> CallsAsync(Guid runId)
    {
        await using var db = server.Database.CreateContext();
        return await db.DialerCalls.Where(c => c.DialerRunId == runId).ToListAsync(Ct);
    }

    private async Task<List<DialerCall>> CallsAsync(Guid runId, DialerCallOutcome outcome, int count)
    {
        for (var waited = 0; ; waited++)
        {
            await using var db = server.Database.CreateContext();
            var calls = await db.DialerCalls.Where(c => c.DialerRunId == runId && c.Outcome == outcome).ToListAsync(Ct);
            if (calls.Count >= count || waited > 100) return await db.DialerCalls.Where(c => c.DialerRunId == runId).ToListAsync(Ct);
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<Dictionary<string, string>> FiguresAsync(Microsoft.Playwright.ILocator row)
    {
        var figures = new Dictionary<string, string>();
        foreach (var cell in await row.Locator("[data-figure]").AllAsync())
            figures[(await cell.GetAttributeAsync("data-figure"))!] = (await cell.InnerTextAsync()).Trim();
        return figures;
    }

    [GeneratedRegex(@"UDP message received[^\n]*\n\s*INVITE ")]
    private static partial Regex Invites();
}
