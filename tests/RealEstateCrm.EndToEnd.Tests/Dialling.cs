using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>What the dialling tests share: call lists of fresh customers, agents' phones (sipp) registered and their seats logged in, the
/// sipp customer behind the fixture's outbound trunk, and the agent's side of the dialer API.</summary>
internal sealed class Dialling(WebServer server) : IAsyncDisposable
{
    private readonly List<string> _seated = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AgentTestData Data { get; } = new(server);

    /// <summary>A list of its own, ranked in the order given; returns the entries' ids in that order.</summary>
    public Task<(Guid ListId, IReadOnlyList<Guid> Entries)> CallListAsync(IReadOnlyList<Customer> customers) =>
        CallListAsync([.. customers.Select((c, i) => new CreateCallList.NewEntry(c.Id, 1.0 - i / 100.0))]);

    public async Task<(Guid ListId, IReadOnlyList<Guid> Entries)> CallListAsync(IReadOnlyList<CreateCallList.NewEntry> entries)
    {
        await using var db = server.Database.CreateContext();
        var created = await new CreateCallList(db, TimeProvider.System).Handle(new CreateCallList.Request($"dial-test-{Guid.NewGuid():N}", CallListKind.SalesLeads,
            DateOnly.FromDateTime(DateTime.UtcNow), entries), Ct);
        return (created.List.Id, [.. created.List.Entries.OrderBy(e => e.Rank).Select(e => e.Id)]);
    }

    /// <summary>An open lead of the customer on the test project, as the lead lists put him on a call list.</summary>
    public async Task<Guid> LeadAsync(Customer customer)
    {
        await using var db = server.Database.CreateContext();
        return (await new CreateLead(db).Handle(new CreateLead.Request(customer.Id, (await Data.ProjectAsync()).Id, Channel.Phone), Ct)).Lead.Id;
    }

    /// <summary>Starts a progressive run as demo.manager, as the dialler page does; the fixture's server dials it.</summary>
    public async Task<Guid> StartRunAsync(Guid listId, string skill)
    {
        await using var db = server.Database.CreateContext();
        var manager = await db.Users.SingleAsync(u => u.UserName == "demo.manager", Ct);
        return (await new StartDialerRun(db, TimeProvider.System).Handle(new StartDialerRun.Request(listId, skill, manager.Id), Ct)).Id;
    }

    public async Task<Customer> CustomerAsync(string name) => await Data.CustomerAsync(name, (await Data.ProjectAsync()).Id);

    /// <summary>Flags the customer do-not-call (勿扰) after he was put on a list, as when he asked so on another call.</summary>
    public async Task DoNotCallAsync(Customer customer)
    {
        await using var db = server.Database.CreateContext();
        (await db.Customers.SingleAsync(c => c.Id == customer.Id, Ct)).DoNotCall = true;
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The customer behind the trunk: answers each of <paramref name="calls"/> calls, talks 2 s, hangs up.</summary>
    public Sipp Customer(int calls) => Trunk("customer_answers.xml", calls);

    /// <summary>The customer behind the trunk, busy (486) for each of <paramref name="calls"/> calls.</summary>
    public Sipp BusyCustomer(int calls) => Trunk("customer_busy.xml", calls);

    private Sipp Trunk(string scenario, int calls) =>
        Sipp.StartOn(server.TrunkPort, Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario), "-m", calls.ToString());

    /// <summary>Signs the agent in and logs his seat in from the agent desktop, as an agent starts a shift; the seat is
    /// logged out again when this is disposed (an idle seat left logged in would be offered another test's call).</summary>
    public async Task<IPage> SeatAsync(Chromium chromium, AgentTestData.TestAgent agent, string culture = "en")
    {
        var page = await chromium.SignInAsync(server.BaseAddress, agent.UserName, culture, AgentTestData.Password);
        await page.GotoAsync("/Agent/Desktop");
        await page.WaitForSelectorAsync("#desk[data-hub=connected]");
        _seated.Add(agent.AgentNo);
        await page.ClickAsync("#seat button[value=login]");
        try { await page.WaitForSelectorAsync("#seat[data-state=Idle]", new() { Timeout = 10_000 }); }
        catch (TimeoutException) { Assert.Fail("the seat did not log in: " + await page.InnerHTMLAsync("#seat")); }
        return page;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var agentNo in _seated)
        {
            try { server.CallCenter.Distributor.Logout(agentNo); }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException) { }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The signed-in agent's answered dialer calls that wait for a disposition, once there are
    /// <paramref name="count"/> (within 30 s: the customer talks for 2 s).</summary>
    public static async Task<IReadOnlyList<string>> AwaitingAsync(IPage agent, int count = 1)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(250))
        {
            var response = await agent.APIRequest.GetAsync("/api/calls/awaiting");
            Assert.Equal(200, response.Status);
            var calls = JsonNode.Parse(await response.TextAsync())!.AsArray().Select(c => c!["callId"]!.GetValue<string>()).ToList();
            if (calls.Count >= count || waited > TimeSpan.FromSeconds(30)) return calls;
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>The anti-forgery token of the page shown (the agent desktop's forms carry one).</summary>
    public static async Task<string> TokenAsync(IPage page) =>
        (await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value"))!;

    public static Task<IAPIResponse> PostAsync(IPage page, string token, string path, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields) form.Set(name, value);
        return page.APIRequest.PostAsync(path, new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token }, Form = form });
    }
}
