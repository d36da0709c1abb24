using Microsoft.EntityFrameworkCore;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class SalesDuplicatesTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task Two_records_of_one_buyer_are_compared_and_merged_after_confirming()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        var phone = SalesTestData.NewPhone();
        var first = await SalesTestData.CustomerAsync(server, rep.ProjectId, "慕容复", phone, "杭州");
        var second = await SalesTestData.CustomerAsync(server, rep.ProjectId, "慕容复", phone, "杭州", idNumber: "11010519491231002X");
        await SalesTestData.LeadAsync(server, second.Id, rep.ProjectId, rep.Id);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        await page.GotoAsync("/Sales/Duplicates");
        await page.FillAsync("#phone", phone);
        await page.SubmitAsync(() => page.ClickAsync("#find button[type=submit]"));
        var candidate = page.Locator($"#candidates tr[data-customer='{second.Id}']");
        Assert.Contains("Same Phone", await candidate.InnerTextAsync());

        await page.SubmitAsync(() => candidate.Locator("a:text('Compare')").ClickAsync());
        var compare = await page.InnerTextAsync("#compare");
        Assert.Contains(first.Code, compare);
        Assert.Contains(second.Code, compare);
        await Chromium.ScreenshotAsync(page, "sales-duplicates");

        // The confirm step needs a reason: the browser asks for it before anything is sent.
        Assert.Equal("", await page.InputValueAsync("#reason"));
        Assert.True(await page.Locator("#reason:invalid").CountAsync() == 1);
        await page.FillAsync("#reason", "同一人两次登记 same buyer registered twice");
        await page.SubmitAsync(() => page.ClickAsync("#merge button[type=submit]"));
        Assert.Contains($"{second.Code} was merged into {first.Code}", await page.InnerTextAsync("#merged"));
        // The survivor took the ID number he lacked (shown masked or whole, as the role may see it).
        Assert.Contains("110105", await page.InnerTextAsync("#compare"));

        await using var db = server.Database.CreateContext();
        Assert.Equal(first.Id, (await db.Customers.SingleAsync(c => c.Id == second.Id, ct)).MergedIntoId);
        Assert.Equal("11010519491231002X", (await db.Customers.SingleAsync(c => c.Id == first.Id, ct)).IdNumber);
        Assert.True(await db.Leads.AnyAsync(l => l.CustomerId == first.Id, ct), "the duplicate's lead moved to the survivor");
        var merge = await db.CustomerMerges.SingleAsync(m => m.MergedId == second.Id, ct);
        Assert.Equal("web:demo.sales", merge.MergedBy);
    }
}
