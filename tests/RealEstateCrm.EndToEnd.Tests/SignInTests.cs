using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_sign_in_page_and_back_after_signing_in()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.GotoAsync("/admin/jobs");
        Assert.Contains("/Account/SignIn", page.Url);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fjobs", page.Url);
        await Chromium.ScreenshotAsync(page, "sign-in");

        await page.FillAsync("#UserName", "demo.admin");
        await page.FillAsync("#Password", Operational.DemoData.DemoSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.ArriveAtAsync("/admin/jobs");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Recurring");
    }

    [Fact]
    public async Task Wrong_password_is_refused_without_saying_whether_the_user_exists()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        foreach (var user in new[] { "demo.sales", "nobody.here" })
        {
            await page.GotoAsync("/Account/SignIn");
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", "wrong-password-1");
            await page.ClickAsync("button[type=submit]");
            Assert.Equal("Wrong user name or password.", (await page.InnerTextAsync("[role=alert]")).Trim());
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var userName = await AddUserAsync("locked.sales", BuiltInRoles.Sales);
        var page = await chromium.NewPageAsync(server.BaseAddress);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/Account/SignIn");
            await page.FillAsync("#UserName", userName);
            await page.FillAsync("#Password", $"wrong-{attempt}-password");
            await page.ClickAsync("button[type=submit]");
        }
        Assert.Contains("locked", await page.InnerTextAsync("[role=alert]"));

        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("locked", await page.InnerTextAsync("[role=alert]"));
        Assert.Contains("/Account/SignIn", page.Url);

        await using var db = server.Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var user = await db.Users.SingleAsync(u => u.UserName == userName, ct);
        Assert.True(user.LockedOutUntil > DateTime.UtcNow.AddMinutes(10));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityKey.Contains(user.Id.ToString()) && a.After!.Contains("LockedOutUntil"), ct),
            "the lockout is audited");
    }

    [Fact]
    public async Task A_role_without_the_function_is_refused_the_page()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.agent");
        var response = await page.GotoAsync("/admin/jobs");
        Assert.Contains("/Account/Denied", page.Url);
        Assert.Equal(403, response!.Status);
        Assert.Contains("Your role may not open this page.", await page.InnerTextAsync("main"));
        Assert.DoesNotContain("/admin/jobs", await page.InnerTextAsync("nav"));
    }

    [Fact]
    public async Task Api_and_forms_refuse_a_request_without_sign_in_or_anti_forgery_token()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var ct = TestContext.Current.CancellationToken;
        var anonymous = await http.GetAsync("/api/none-such", ct);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var forged = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "demo.admin", ["Password"] = Operational.DemoData.DemoSeeder.DemoPassword,
        }), ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");
        await page.ClickAsync("text=Sign out");
        await page.ArriveAtAsync("/Account/SignIn");
        await page.GotoAsync("/");
        Assert.Contains("/Account/SignIn", page.Url);
    }

    [Fact]
    public async Task The_language_follows_the_browser_and_the_switch()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service", culture: "zh-CN");
        Assert.Equal("我的工作台", (await page.InnerTextAsync("h1")).Trim());
        await page.ClickAsync("text=English");
        Assert.Equal("Workbench", (await page.InnerTextAsync("h1")).Trim());
        await page.ClickAsync("text=中文");
        Assert.Equal("我的工作台", (await page.InnerTextAsync("h1")).Trim());
    }

    private const string Password = "Right-pass-2026";

    private async Task<string> AddUserAsync(string prefix, string role)
    {
        var userName = $"{prefix}.{Guid.NewGuid():N}"[..30];
        await using var db = server.Database.CreateContext();
        await new AddUser(db).Handle(new AddUser.Request(userName, userName, Password, [role]));
        return userName;
    }
}
