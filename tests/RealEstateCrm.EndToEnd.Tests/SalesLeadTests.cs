using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class SalesLeadTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task Rep_finds_his_lead_records_first_contact_and_a_visit_and_sees_them_on_the_timeline()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        var customer = await SalesTestData.CustomerAsync(server, rep.ProjectId, "端木蓉");
        var lead = await SalesTestData.LeadAsync(server, customer.Id, rep.ProjectId, rep.Id, budget: 3_200_000m, bedrooms: 3);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        await page.GotoAsync("/Sales/Leads?stage=New&q=端木蓉");
        await page.SubmitAsync(() => page.ClickAsync($"#leads tr[data-lead='{lead.Id}'] a"));
        Assert.EndsWith($"/Sales/Leads/{lead.Id}", page.Url);
        Assert.Equal(["Created"], await KindsAsync(page));

        await page.SubmitAsync(() => page.ClickAsync("#record-first-contact"));
        Assert.Equal(["Created", "FirstContact"], await KindsAsync(page));

        await page.FillAsync("#party", "25");
        var refused = await page.SubmitAsync(() => page.ClickAsync("#visit button[type=submit]"));
        Assert.Equal(400, refused!.Status);
        Assert.Equal("must be between 1 and 20", (await page.InnerTextAsync("[data-for=party]")).Trim());

        await page.FillAsync("#party", "3");
        await page.FillAsync("#notes", "一家三口看了128平样板间");
        await page.SubmitAsync(() => page.ClickAsync("#visit button[type=submit]"));
        Assert.Equal(["Created", "FirstContact", "Visit"], await KindsAsync(page));
        Assert.Contains("一家三口看了128平样板间", await page.InnerTextAsync("#timeline"));
        Assert.Equal("Visited", (await page.InnerTextAsync("#lead-status")).Trim());
        await Chromium.ScreenshotAsync(page, "sales-lead");

        // From the lead to a unit: the chart carries the lead, and the reservation form names its customer.
        await page.SubmitAsync(() => page.ClickAsync("a:text('Choose a unit to reserve')"));
        await page.SubmitAsync(() => page.Locator(".sales-chart a.unit.st-available").First.ClickAsync());
        Assert.Equal(customer.Code, await page.InputValueAsync("#customer"));
        Assert.Equal(lead.Id.ToString(), await page.InputValueAsync("#reserve input[name=lead]"));

        await using var db = server.Database.CreateContext();
        Assert.Equal(LeadStatus.Visited, (await db.Leads.SingleAsync(l => l.Id == lead.Id, ct)).Status);
        var visit = await db.Visits.SingleAsync(v => v.LeadId == lead.Id, ct);
        Assert.Equal((3, rep.Id), (visit.Party, visit.RepUserId!.Value));
    }

    private static async Task<string[]> KindsAsync(Microsoft.Playwright.IPage page) =>
        await page.EvalOnSelectorAllAsync<string[]>("#timeline li", "items => items.map(i => i.dataset.kind)");
}
