using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Workbench;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class WorkbenchTests(WebServer server, Chromium chromium)
{
    public static TheoryData<string> Roles => new(BuiltInRoles.All.Keys);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_demo_role_sees_its_own_cards_in_order_and_no_others(string role)
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo." + role);
        var shown = await page.Locator("[data-card]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.card)");
        Assert.Equal(WorkbenchLayouts.Defaults[role], shown);
        Assert.NotEmpty(shown);
        foreach (var other in WorkbenchCards.All.Select(c => c.Code).Except(WorkbenchLayouts.Defaults[role]))
            Assert.Equal(0, await page.Locator($"[data-card='{other}']").CountAsync());
        await Chromium.ScreenshotAsync(page, "workbench-" + role);
    }

    [Fact]
    public async Task The_overdue_card_counts_what_a_direct_query_finds_in_the_managers_scope()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        var shown = int.Parse(await page.InnerTextAsync("[data-card='work-orders-overdue'] .count"));
        await using var db = server.Database.CreateContext();
        var now = DateTime.UtcNow;
        var expected = await db.WorkOrders.CountAsync(w => w.DueAt < now && w.Status != WorkOrderStatus.Resolved
                                                           && w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled, TestContext.Current.CancellationToken);
        Assert.Equal(expected, shown);
        Assert.True(expected > 0, "the tiny seed has overdue work orders");
        var rows = await page.Locator("[data-card='work-orders-overdue'] li a.label").AllAsync();
        Assert.Equal(Math.Min(expected, WorkbenchQuery.Rows), rows.Count);
        Assert.StartsWith("/Service/WorkOrders/", await rows[0].GetAttributeAsync("href"));
    }

    [Fact]
    public async Task The_voicemail_card_counts_every_unheard_message_for_an_agent_who_sees_everything()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = server.Database.CreateContext())
        {
            // One from a known caller and one from an unknown number: whoever sees every project hears both.
            var customer = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync(ct);
            db.Voicemails.Add(new Voicemail { CustomerId = customer, Caller = "13800000001", RecordedAt = DateTime.UtcNow, File = "known.wav", DurationSeconds = 12 });
            db.Voicemails.Add(new Voicemail { Caller = "13800000002", RecordedAt = DateTime.UtcNow, File = "unknown.wav", DurationSeconds = 7 });
            await db.SaveChangesAsync(ct);
        }
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.agent");
        var shown = int.Parse(await page.InnerTextAsync("[data-card='voicemails'] .count"));
        await using var check = server.Database.CreateContext();
        var expected = await check.Voicemails.CountAsync(v => !v.Heard && v.WorkOrderId == null, ct);
        Assert.Equal(expected, shown);
        Assert.True(expected >= 2);
    }

    [Fact]
    public async Task The_card_layout_an_administrator_saves_is_what_the_role_sees()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var role = "desk" + suffix;
        await using (var db = server.Database.CreateContext())
        {
            db.Roles.Add(new Role
            {
                Code = role, Name = "测试角色 " + suffix,
                Functions = [new RoleFunction { Function = Functions.ServiceRead }, new RoleFunction { Function = Functions.CustomersRead }],
            });
            await db.SaveChangesAsync(ct);
            await new AddUser(db).Handle(new AddUser.Request("u." + suffix, "测试" + suffix, ScopedTeam.Password, [role]), ct);
        }
        var user = await chromium.SignInAsync(server.BaseAddress, "u." + suffix, password: ScopedTeam.Password);
        Assert.Equal(0, await user.Locator("[data-card]").CountAsync());

        var admin = await chromium.SignInAsync(server.BaseAddress, "demo.admin");
        await admin.GotoAsync("/Workbench/Cards");
        var section = admin.Locator($"#role-{role}");
        await section.Locator("input[value='escalations']").CheckAsync();
        await section.Locator("input[value='work-orders-overdue']").CheckAsync();
        // The role lacks sales.approve-discount: the card is stored but never shown to it.
        await section.Locator("input[value='discount-approvals']").CheckAsync();
        await section.Locator("input[name='Position[work-orders-overdue]']").FillAsync("1");
        await section.Locator("input[name='Position[escalations]']").FillAsync("2");
        await section.Locator("button[type=submit]").ClickAsync();
        Assert.Equal("Saved.", (await admin.Locator($"#role-{role} [role=status]").InnerTextAsync()).Trim());
        await Chromium.ScreenshotAsync(admin, "workbench-cards");

        await using (var db = server.Database.CreateContext())
            Assert.Equal("work-orders-overdue,escalations,discount-approvals",
                (await db.BusinessParameters.SingleAsync(p => p.Key == WorkbenchLayouts.Key(role), ct)).Value);
        await user.ReloadAsync();
        var shown = await user.Locator("[data-card]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.card)");
        Assert.Equal(["work-orders-overdue", "escalations"], shown);
    }

    [Fact]
    public void Every_card_title_has_a_Chinese_translation()
    {
        var translated = new Text().Translated;
        Assert.All(WorkbenchCards.All, card => Assert.Contains(card.Title, translated));
    }
}
