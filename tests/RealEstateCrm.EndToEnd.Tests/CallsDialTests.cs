using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>The agent desktop's preview dialling API. The fixture's switch has no outbound trunk, so a confirmed dial
/// is refused with 409 here; the calls themselves are proven in the telephony tests (DialerCallTests, sipp and baresip).</summary>
[Collection(WebCollection.Name)]
public sealed class CallsDialTests(WebServer server, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agent_previews_the_next_customer_of_a_list_and_a_dial_needs_the_token_a_visible_entry_and_a_trunk()
    {
        var agent = await AgentWhoSeesEveryCustomerAsync();
        var (listId, first) = await CallListAsync(agent);
        var page = await chromium.SignInAsync(server.BaseAddress, agent, password: Password);
        await page.GotoAsync("/Account/SignIn");
        var token = (await page.GetAttributeAsync("input[name=__RequestVerificationToken]", "value"))!;

        var shown = await page.APIRequest.GetAsync($"/api/calls/next?list={listId}");
        var shownAgain = await page.APIRequest.GetAsync($"/api/calls/next?list={listId}");
        var forged = await page.APIRequest.PostAsync("/api/calls/dial", new APIRequestContextOptions { Form = page.APIRequest.CreateFormData().Set("entryId", first.ToString()) });
        var unknown = await Dial(page, token, Guid.NewGuid());
        var noTrunk = await Dial(page, token, first);

        Assert.Equal(200, shown.Status);
        Assert.Equal(first, Guid.Parse(JsonNode.Parse(await shown.TextAsync())!["entryId"]!.GetValue<string>()));
        Assert.Equal(await shown.TextAsync(), await shownAgain.TextAsync());
        Assert.Equal(400, forged.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(409, noTrunk.Status);
        Assert.Contains("no outbound trunk", await noTrunk.TextAsync());
    }

    [Fact]
    public async Task Roles_without_calls_are_refused_and_anonymous_asked_to_sign_in()
    {
        var (listId, _) = await CallListAsync(await AgentWhoSeesEveryCustomerAsync());
        var analyst = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal(403, (await analyst.APIRequest.GetAsync($"/api/calls/next?list={listId}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/calls/next?list={listId}", Ct)).StatusCode);
    }

    private static Task<IAPIResponse> Dial(IPage page, string token, Guid entryId) =>
        page.APIRequest.PostAsync("/api/calls/dial", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token },
            Form = page.APIRequest.CreateFormData().Set("entryId", entryId.ToString()),
        });

    private const string Password = "Right-pass-2026";

    /// <summary>A user with an agent seat (calls) who sees every project's customers (a manager too): the demo agent's
    /// org unit, the call center, owns no project.</summary>
    private async Task<string> AgentWhoSeesEveryCustomerAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using var db = server.Database.CreateContext();
        var user = await new AddUser(db).Handle(new AddUser.Request($"dial.agent.{suffix}", "外呼座席", Password, [BuiltInRoles.Agent, BuiltInRoles.Manager]), Ct);
        await new AddAgent(db).Handle(new AddAgent.Request(user.Id, $"D{suffix}", $"9{Convert.ToUInt32(suffix, 16) % 100000:00000}",
            new Dictionary<string, int> { ["outbound"] = 3 }), Ct);
        return user.UserName;
    }

    /// <summary>A list of its own with two customers the user may see; returns the first entry's id.</summary>
    private async Task<(Guid ListId, Guid FirstEntry)> CallListAsync(string userName)
    {
        await using var db = server.Database.CreateContext();
        var agentId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        var scope = await new GetDataScope(db).Handle(new GetDataScope.Request(agentId), Ct);
        var customers = await db.VisibleCustomers(scope).Where(c => !c.DoNotCall && c.Phone != null).OrderBy(c => c.Code).Select(c => c.Id).Take(2).ToListAsync(Ct);
        Assert.Equal(2, customers.Count);
        var created = await new CreateCallList(db, TimeProvider.System).Handle(new CreateCallList.Request($"dial-test-{Guid.NewGuid():N}", CallListKind.SalesLeads,
            DateOnly.FromDateTime(DateTime.UtcNow), [new(customers[0], 0.9), new(customers[1], 0.8)]), Ct);
        return (created.List.Id, created.List.Entries.OrderBy(e => e.Rank).First().Id);
    }
}
