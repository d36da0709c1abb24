using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>/Calls/Live: call supervisors only; listening in rings the supervisor's own phone. The audio itself is
/// proven in the telephony tests (SupervisionCallTests) with sipp, baresip and a registered supervisor phone.</summary>
[Collection(WebCollection.Name)]
public sealed class CallsLiveTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task A_call_supervisor_sees_the_live_calls_and_a_plain_agent_is_refused()
    {
        var supervisor = await chromium.SignInAsync(server.BaseAddress, "demo.agent", culture: "zh-CN");
        var userName = $"plain.agent.{Guid.NewGuid():N}"[..24];
        await using (var db = server.Database.CreateContext())
            await new AddUser(db).Handle(new AddUser.Request(userName, userName, "Right-pass-2026", [BuiltInRoles.Agent]), TestContext.Current.CancellationToken);
        var agent = await chromium.SignInAsync(server.BaseAddress, userName, password: "Right-pass-2026");

        var shown = await supervisor.GotoAsync("/Calls/Live");
        var refused = await agent.GotoAsync("/Calls/Live");

        Assert.Equal(200, shown!.Status);
        Assert.Equal("实时通话", (await supervisor.InnerTextAsync("h1")).Trim());
        Assert.Contains(server.CallCenter.LiveCalls.Count == 0 ? "当前没有已接通座席的通话。" : "监听", await supervisor.InnerTextAsync("main"));
        Assert.Contains("监听或耳语将振铃您的话机", await supervisor.InnerTextAsync("main"));
        await Chromium.ScreenshotAsync(supervisor, "calls-live");
        Assert.Equal(403, refused!.Status);
        // The menu offers the page only to whom its policy admits, not to every holder of the calls function.
        Assert.Contains("实时通话", await supervisor.InnerTextAsync("nav"));
        await agent.GotoAsync("/");
        Assert.DoesNotContain("Live calls", await agent.InnerTextAsync("nav"));
        Assert.Contains("Agent desktop", await agent.InnerTextAsync("nav"));
    }

    [Fact]
    public async Task Listening_in_on_a_call_that_is_not_live_is_not_found()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.agent");
        // With no live call the page has no form of its own; the sign-in form's token is issued to this signed-in user too.
        await page.GotoAsync("/Account/SignIn");
        var token = await page.GetAttributeAsync("input[name=__RequestVerificationToken]", "value");

        var response = await page.APIRequest.PostAsync("/Calls/Live?handler=Listen", new Microsoft.Playwright.APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! },
            Form = page.APIRequest.CreateFormData().Set("callId", "no-such-call"),
        });

        Assert.Equal(404, response.Status);
    }
}
